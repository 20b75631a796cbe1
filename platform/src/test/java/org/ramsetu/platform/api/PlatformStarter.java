package org.ramsetu.platform.api;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ramsetu.infra.blob.BlobStoreConfiguration;
import org.ramsetu.infra.cache.CacheConfiguration;
import org.ramsetu.infra.cluster.ClusterConfiguration;
import org.ramsetu.infra.database.DatabaseConfiguration;
import org.ramsetu.infra.flags.FeatureFlagConfiguration;
import org.ramsetu.infra.mail.MailJobConfiguration;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.queue.WorkerIdentity;
import org.ramsetu.infra.queue.config.QueueConfiguration;
import org.ramsetu.infra.ratelimit.RateLimitConfiguration;
import org.ramsetu.infra.schedule.ScheduleConfiguration;
import org.ramsetu.infra.scoring.cache.PredictionCacheConfiguration;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.PlatformConfiguration;
import org.ramsetu.platform.PlatformDefaults;
import org.ramsetu.platform.accounts.SessionsConfiguration;
import org.ramsetu.platform.allocation.config.AllocationConfiguration;
import org.ramsetu.platform.audit.AuditChainConfiguration;
import org.ramsetu.platform.audit.AuditConfiguration;
import org.ramsetu.platform.matching.config.MatchingConfiguration;
import org.ramsetu.platform.registry.nightly.NightlyRecomputeConfiguration;
import org.ramsetu.platform.reminders.RemindersConfiguration;
import org.ramsetu.platform.reporting.ReportingConfiguration;
import org.ramsetu.platform.reprocessing.ReprocessingConfiguration;
import org.ramsetu.platform.security.SecurityConfiguration;
import org.ramsetu.scoring.config.ScoringConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The platform on its own, as the platform module's API tests run it: every platform feature, the
 * model server in the same JVM and the infrastructure ports on their embedded defaults (a real
 * PostgreSQL in the data folder, mail written to files), without the product's web app, API
 * description, observability or command line, which the app module tests.
 */
public final class PlatformStarter implements PlatformInstance.Starter {

    @Override
    public int precedence() {
        return 0;
    }

    @Override
    public PlatformInstance.Running start(RamsetuSettings settings, List<String> arguments) {
        EmbeddedPostgresServer database = EmbeddedPostgresServer.start(settings.dataDir());
        try {
            SpringApplication app = new SpringApplication(PlatformApplication.class);
            app.setBannerMode(Banner.Mode.OFF);
            app.setRegisterShutdownHook(false);
            app.setDefaultProperties(properties(database));
            app.addInitializers(
                    ctx -> {
                        ctx.getBeanFactory().registerSingleton("ramsetuSettings", settings);
                        ctx.getBeanFactory()
                                .registerSingleton(
                                        "workerIdentity", new WorkerIdentity("platform-test"));
                    });
            ConfigurableApplicationContext context = app.run(arguments.toArray(String[]::new));
            return new Started(context, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** What the all target's profile switches on, and the embedded database's connection. */
    private static Map<String, Object> properties(EmbeddedPostgresServer database) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", 0);
        p.put("spring.datasource.url", database.jdbcUrl());
        p.put("spring.datasource.username", database.username());
        p.put("spring.datasource.password", database.password());
        p.put("spring.flyway.locations", "classpath:db/migration");
        p.put("ramsetu.platform.api-enabled", true);
        p.put("ramsetu.queue.consumers-enabled", true);
        p.put("ramsetu.schedule.enabled", true);
        p.put("ramsetu.scoring.enabled", true);
        p.put("ramsetu.scoring.train-missing-models", true);
        p.put("ramsetu.security.scoring-api", "COORDINATOR");
        p.put("management.health.redis.enabled", false);
        // The operations endpoints the platform's tests reach (feature flags, the job queue); the
        // product's others (metrics, drills, instances) are the app's.
        p.put("management.endpoints.web.exposure.include", "health,flags,jobs");
        return p;
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({
        PlatformDefaults.class,
        BlobStoreConfiguration.class,
        CacheConfiguration.class,
        RateLimitConfiguration.class,
        DatabaseConfiguration.class,
        ClusterConfiguration.class,
        QueueConfiguration.class,
        MailJobConfiguration.class,
        ScheduleConfiguration.class,
        AuditConfiguration.class,
        AuditChainConfiguration.class,
        FeatureFlagConfiguration.class,
        PredictionCacheConfiguration.class,
        ScoringConfiguration.class,
        SecurityConfiguration.class,
        PlatformConfiguration.class,
        MatchingConfiguration.class,
        AllocationConfiguration.class,
        ReprocessingConfiguration.class,
        NightlyRecomputeConfiguration.class,
        RemindersConfiguration.class,
        ReportingConfiguration.class,
        SessionsConfiguration.class
    })
    static class PlatformApplication {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private record Started(ConfigurableApplicationContext context, EmbeddedPostgresServer database)
            implements PlatformInstance.Running {

        @Override
        public int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        @Override
        public void close() {
            try {
                context.close();
            } finally {
                database.close();
            }
        }
    }
}
