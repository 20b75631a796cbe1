package org.ramsetu.infra.scoring.resilience;

import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import javax.net.ssl.SSLContext;
import org.ramsetu.infra.scoring.HttpScoringClient;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringCredentials;
import org.ramsetu.infra.scoring.UnavailableScoringClient;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.settings.TlsBundles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ScoringClient} of targets that do not score in-process ({@code api}, {@code worker}):
 * the scoring target at {@code RAMSETU_SCORING_URL} over HTTP, behind {@link
 * ResilientScoringClient}. In {@code all} ({@code ramsetu.scoring.enabled=true}) the in-process
 * client is used instead and none of this is created. Its state is in the metrics ({@code
 * resilience4j_*{name="scoring"}}) and in the {@code scoringClient} health component.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
        name = "ramsetu.scoring.enabled",
        havingValue = "false",
        matchIfMissing = true)
@EnableConfigurationProperties(ScoringClientProperties.class)
public class ResilientScoringConfiguration {

    @Bean(destroyMethod = "close")
    ResilientScoringClient resilientScoringClient(
            RamsetuSettings settings,
            ScoringClientProperties properties,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<ScoringCredentials> credentials,
            ObjectProvider<SslBundles> bundles) {
        ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        ScoringCredentials shown = credentials.getIfAvailable(ScoringCredentials::none);
        // An https:// scoring URL is verified against RAMSETU_TLS_TRUSTED_CERTIFICATES (a private
        // CA) when set, else against the JDK's CAs; host names are always checked.
        SSLContext trusting =
                settings.tls()
                        .trusted()
                        .map(
                                file ->
                                        bundles.getObject()
                                                .getBundle(TlsBundles.TRUSTED)
                                                .createSslContext())
                        .orElseGet(HttpScoringClient::defaultTls);
        ScoringClient http =
                settings.scoringUrl()
                        .<ScoringClient>map(
                                url ->
                                        new HttpScoringClient(
                                                url,
                                                properties.attemptTimeout(),
                                                registry,
                                                shown,
                                                trusting))
                        .orElseGet(UnavailableScoringClient::unconfigured);
        return new ResilientScoringClient(http, properties, registry);
    }

    @Bean
    ScoringClientHealthIndicator scoringClientHealthIndicator(
            ResilientScoringClient client, RamsetuSettings settings) {
        return new ScoringClientHealthIndicator(client, settings.scoringUrl().isPresent());
    }

    @Bean
    MeterBinder scoringClientMetrics(ResilientScoringClient client) {
        return registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(client.breakers())
                    .bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(client.retries()).bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(client.bulkheads()).bindTo(registry);
            TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(client.limiters()).bindTo(registry);
        };
    }
}
