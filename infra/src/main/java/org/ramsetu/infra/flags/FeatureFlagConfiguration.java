package org.ramsetu.infra.flags;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.NoOpProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feature flags on every database target ({@code all}, {@code api}, {@code worker}): the flags in
 * PostgreSQL, the OpenFeature provider reading them, an OpenFeature {@link Client} for the code
 * that asks, change notifications over Redis when {@code RAMSETU_REDIS_URL} is set, and the {@code
 * /actuator/flags} endpoint. docs/feature-flags.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(FeatureFlagProperties.class)
public class FeatureFlagConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FeatureFlagConfiguration.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    FeatureFlagStore featureFlagStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new FeatureFlagStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    PostgresFeatureProvider featureFlagProvider(
            FeatureFlagStore store, FeatureFlagProperties properties) {
        return new PostgresFeatureProvider(
                store, properties.environment(), properties.refreshInterval());
    }

    /**
     * The provider is bound to a domain of this application context's own: OpenFeature's API is one
     * per JVM, and two contexts in one JVM (integration tests) must not evaluate against each
     * other's database. Closing the context unbinds it, which shuts the provider down.
     */
    @Bean(destroyMethod = "close")
    FeatureFlags featureFlags(PostgresFeatureProvider provider) {
        String domain = "ramsetu-" + UUID.randomUUID();
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProviderAndWait(domain, provider);
        return new FeatureFlags(
                api.getClient(domain),
                () -> {
                    api.setProvider(domain, new NoOpProvider());
                    provider.shutdown();
                });
    }

    @Bean
    Client featureFlagClient(FeatureFlags flags) {
        return flags.client();
    }

    @Bean(destroyMethod = "close")
    FlagChangeNotifier flagChangeNotifier(
            ObjectProvider<RamsetuSettings> settings, PostgresFeatureProvider provider) {
        Optional<RamsetuSettings> configured = Optional.ofNullable(settings.getIfAvailable());
        Optional<URI> redis = configured.flatMap(RamsetuSettings::redisUrl);
        if (redis.isEmpty()) {
            return FlagChangeNotifier.none();
        }
        try {
            return new RedisFlagChangeNotifier(
                    redis.get(),
                    configured.get().tls().trusted(),
                    REDIS_TIMEOUT,
                    provider::refreshSoon);
        } catch (RuntimeException e) {
            // Redis down at start: flags still converge by the periodic refresh.
            log.warn(
                    "Flag change notifications off (Redis unreachable: {}); instances see changes"
                            + " within ramsetu.flags.refresh-interval",
                    e.toString());
            return FlagChangeNotifier.none();
        }
    }

    @Bean
    FlagsEndpoint flagsEndpoint(
            FeatureFlagStore store, PostgresFeatureProvider provider, FlagChangeNotifier notifier) {
        return new FlagsEndpoint(store, provider, notifier);
    }

    /** The client and how to let go of the provider when the context closes. */
    public record FeatureFlags(Client client, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }
}
