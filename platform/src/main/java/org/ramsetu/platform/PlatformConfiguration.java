package org.ramsetu.platform;

import java.util.List;
import org.ramsetu.infra.ratelimit.RateLimiter;
import org.ramsetu.platform.accounts.AccountsConfiguration;
import org.ramsetu.platform.allocation.config.AllocationWebConfiguration;
import org.ramsetu.platform.audit.AuditController;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditQueries;
import org.ramsetu.platform.centres.CentresConfiguration;
import org.ramsetu.platform.coordination.CoordinationConfiguration;
import org.ramsetu.platform.documents.DocumentsConfiguration;
import org.ramsetu.platform.donation.DonationConfiguration;
import org.ramsetu.platform.matching.config.MatchingWebConfiguration;
import org.ramsetu.platform.registry.RegistryConfiguration;
import org.ramsetu.platform.reminders.RemindersWebConfiguration;
import org.ramsetu.platform.security.CurrentUserArgumentResolver;
import org.ramsetu.platform.security.RecordAccess;
import org.ramsetu.platform.security.RequestLimits;
import org.ramsetu.platform.web.ApiExceptionHandler;
import org.ramsetu.platform.web.NullBodyRefused;
import org.ramsetu.platform.web.StrictJsonInput;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The platform API ({@code /api/v1}), on the targets that serve it ({@code all}, {@code api}).
 * Security rules themselves live in {@link org.ramsetu.platform.security.SecurityConfiguration},
 * which every target imports.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("ramsetu.platform.api-enabled")
@Import({
    AccountsConfiguration.class,
    RegistryConfiguration.class,
    DocumentsConfiguration.class,
    CentresConfiguration.class,
    DonationConfiguration.class,
    CoordinationConfiguration.class,
    MatchingWebConfiguration.class,
    AllocationWebConfiguration.class,
    RemindersWebConfiguration.class
})
public class PlatformConfiguration {

    @Bean
    StrictJsonInput strictJsonInput() {
        return new StrictJsonInput();
    }

    @Bean
    AuditController auditController(JdbcClient jdbc) {
        return new AuditController(new AuditQueries(jdbc));
    }

    @Bean
    RecordAccess recordAccess(AuditLog audit) {
        return new RecordAccess(audit);
    }

    @Bean
    RequestLimits requestLimits(RateLimiter limiter, AuditLog audit) {
        return new RequestLimits(limiter, audit);
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    NullBodyRefused nullBodyRefused() {
        return new NullBodyRefused();
    }

    @Bean
    WebMvcConfigurer currentUserParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
