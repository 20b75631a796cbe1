package org.ramsetu.infra.scoring.cache;

import dev.openfeature.sdk.Client;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import org.ramsetu.infra.flags.FeatureFlagConfiguration;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.resilience.ResilientScoringClient;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The prediction cache in front of whichever {@link ScoringClient} this target has (in-process on
 * {@code all}, the resilient HTTP client on {@code api} and {@code worker}): it is the primary
 * {@code ScoringClient}, so the match and allocation runs score through it, while the beans that
 * need the concrete client (the scoring endpoints, the breaker's health and metrics) keep getting
 * it. On database targets only: the cache is switched by a feature flag, which lives there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@Import(FeatureFlagConfiguration.class)
@EnableConfigurationProperties(PredictionCacheProperties.class)
public class PredictionCacheConfiguration {

    static final String BEAN = "predictionCachingScoringClient";

    @Bean(BEAN)
    @Primary
    PredictionCachingScoringClient predictionCachingScoringClient(
            ListableBeanFactory beans,
            Client flags,
            PredictionCacheProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        // The client this one decorates is the other ScoringClient bean; looked up by name so
        // that neither configuration building a client has to know about the cache.
        List<String> others =
                Arrays.stream(beans.getBeanNamesForType(ScoringClient.class))
                        .filter(name -> !name.equals(BEAN))
                        .toList();
        if (others.size() != 1) {
            throw new IllegalStateException(
                    "the prediction cache decorates exactly one ScoringClient, found " + others);
        }
        ScoringClient delegate = beans.getBean(others.get(0), ScoringClient.class);
        String path = delegate instanceof ResilientScoringClient ? "http" : "in-process";
        PredictionCachingScoringClient client =
                new PredictionCachingScoringClient(delegate, flags, path, properties);
        meters.ifAvailable(client::bindTo);
        return client;
    }
}
