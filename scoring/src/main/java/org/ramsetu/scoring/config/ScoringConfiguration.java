package org.ramsetu.scoring.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.BlobStore;
import org.ramsetu.infra.blob.BlobStoreConfiguration;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.runtime.DefaultModels;
import org.ramsetu.scoring.runtime.LoadedModels;
import org.ramsetu.scoring.runtime.ModelLoader;
import org.ramsetu.scoring.runtime.ModelRefresh;
import org.ramsetu.scoring.runtime.Organs;
import org.ramsetu.scoring.runtime.ScoringMetrics;
import org.ramsetu.scoring.runtime.Warming;
import org.ramsetu.scoring.runtime.Warmup;
import org.ramsetu.scoring.service.InProcessScoringClient;
import org.ramsetu.scoring.web.ScoringController;
import org.ramsetu.scoring.web.ScoringProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The model server in this process ({@code ramsetu.scoring.enabled=true}: targets {@code all} and
 * {@code scoring}): registry on the blob store, models in memory, the in-process {@link
 * ScoringClient}, the {@code /v1} endpoints, the {@code models} health indicator and the meters.
 * Needs the {@code ramsetuSettings} bean (for the blob store).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ramsetu.scoring.enabled", havingValue = "true")
@EnableConfigurationProperties(ScoringProperties.class)
@Import(BlobStoreConfiguration.class)
public class ScoringConfiguration {

    /** Online requests already run in parallel: one native thread each avoids oversubscription. */
    private static final int THREADS_PER_REQUEST = 1;

    @Bean
    ModelRegistry modelRegistry(BlobStore blobStore, ObjectProvider<Clock> clock) {
        return new ModelRegistry(blobStore, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean(destroyMethod = "retireAll")
    LoadedModels loadedModels() {
        return new LoadedModels();
    }

    @Bean
    ScoringMetrics scoringMetrics(ObjectProvider<MeterRegistry> meters) {
        return new ScoringMetrics(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ModelLoader modelLoader(
            ModelRegistry registry, ScoringMetrics metrics, ScoringProperties properties) {
        return new ModelLoader(
                registry,
                new Warmup(properties.warmupRows(), properties.warmupRounds()),
                metrics,
                THREADS_PER_REQUEST);
    }

    @Bean
    ModelRefresh modelRefresh(
            ModelRegistry registry,
            ModelLoader loader,
            LoadedModels models,
            ScoringMetrics metrics,
            ScoringProperties properties) {
        Map<Organ, String> pinned = new EnumMap<>(Organ.class);
        properties
                .pinnedVersions()
                .forEach((organ, version) -> pinned.put(Organs.parse(organ), version));
        Optional<DefaultModels> defaults =
                properties.trainMissingModels()
                        ? Optional.of(new DefaultModels(registry, properties.defaultModelRows()))
                        : Optional.empty();
        return new ModelRefresh(registry, loader, models, metrics, pinned, defaults);
    }

    @Bean
    ModelRefreshSchedule modelRefreshSchedule(ModelRefresh refresh, ScoringProperties properties) {
        return new ModelRefreshSchedule(refresh, properties.refreshInterval());
    }

    @Bean
    ModelsHealthIndicator modelsHealthIndicator(ModelRefresh refresh) {
        return new ModelsHealthIndicator(refresh);
    }

    @Bean
    InProcessScoringClient scoringClient(
            LoadedModels models, ScoringMetrics metrics, ScoringProperties properties) {
        return new InProcessScoringClient(models, properties.maxCandidates(), metrics);
    }

    @Bean
    ScoringController scoringController(
            InProcessScoringClient scoringClient, LoadedModels models, ModelLoader loader) {
        return new ScoringController(scoringClient, new Warming(models, loader));
    }

    @Bean
    ScoringProblems scoringProblems() {
        return new ScoringProblems();
    }
}
