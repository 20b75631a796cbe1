package org.ramsetu.app;

import java.time.Clock;
import org.ramsetu.app.cluster.DatabaseTargetConfiguration;
import org.ramsetu.app.cluster.PortsConfiguration;
import org.ramsetu.app.launch.ClassDataRecording;
import org.ramsetu.app.launch.StartupBanner;
import org.ramsetu.app.observability.ObservabilityConfiguration;
import org.ramsetu.app.web.ApiDescriptionConfiguration;
import org.ramsetu.app.web.ErrorResponsesConfiguration;
import org.ramsetu.app.web.WebAppConfiguration;
import org.ramsetu.platform.PlatformConfiguration;
import org.ramsetu.platform.PlatformDefaults;
import org.ramsetu.platform.accounts.SessionsConfiguration;
import org.ramsetu.platform.allocation.config.AllocationConfiguration;
import org.ramsetu.platform.matching.config.MatchingConfiguration;
import org.ramsetu.platform.registry.nightly.NightlyRecomputeConfiguration;
import org.ramsetu.platform.reminders.RemindersConfiguration;
import org.ramsetu.platform.reporting.ReportingConfiguration;
import org.ramsetu.platform.reprocessing.ReprocessingConfiguration;
import org.ramsetu.platform.security.SecurityConfiguration;
import org.ramsetu.scoring.config.ScoringConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The Spring application behind every target. Wiring is explicit (no component scan): each feature
 * contributes a {@code @Configuration} imported here, switched on by the target's needs.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({
    PlatformDefaults.class,
    PortsConfiguration.class,
    DatabaseTargetConfiguration.class,
    ObservabilityConfiguration.class,
    StartupBanner.class,
    ClassDataRecording.class,
    ScoringConfiguration.class,
    SecurityConfiguration.class,
    PlatformConfiguration.class,
    MatchingConfiguration.class,
    WebAppConfiguration.class,
    ErrorResponsesConfiguration.class,
    ApiDescriptionConfiguration.class,
    AllocationConfiguration.class,
    ReprocessingConfiguration.class,
    NightlyRecomputeConfiguration.class,
    RemindersConfiguration.class,
    ReportingConfiguration.class,
    SessionsConfiguration.class
})
public class RamsetuApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
