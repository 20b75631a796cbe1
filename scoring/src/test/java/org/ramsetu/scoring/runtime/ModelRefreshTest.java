package org.ramsetu.scoring.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.testing.TinyModels;

class ModelRefreshTest {

    @TempDir Path folder;
    private final LoadedModels models = new LoadedModels();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private ModelRegistry registry(String instant) {
        return new ModelRegistry(
                new LocalFolderBlobStore(folder, Clock.systemUTC()),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private ModelRefresh refresh(
            ModelRegistry registry, Optional<DefaultModels> defaults, Map<Organ, String> pinned) {
        ScoringMetrics metrics = new ScoringMetrics(meters);
        return new ModelRefresh(
                registry,
                new ModelLoader(registry, new Warmup(50, 1), metrics, 1),
                models,
                metrics,
                pinned,
                defaults);
    }

    private void registerAll(ModelRegistry registry) {
        for (Organ organ : Organ.values()) {
            registry.register(organ, TinyModels.trained(organ), 7, "test", "synthetic");
        }
    }

    @Test
    void notReadyAndSaysWhatToRunWhileAnOrganHasNoModel() {
        ModelRegistry registry = registry("2026-11-27T09:00:00Z");
        registry.register(Organ.KIDNEY, TinyModels.trained(Organ.KIDNEY), 7, "test", "synthetic");
        ModelRefresh refresh = refresh(registry, Optional.empty(), Map.of());

        refresh.refresh();

        assertThat(refresh.ready()).isFalse();
        assertThat(refresh.problems().get(Organ.LIVER))
                .isEqualTo("no liver model registered; run 'ramsetu train --organ liver'");
        assertThat(refresh.problems()).doesNotContainKey(Organ.KIDNEY);
    }

    @Test
    void picksUpANewlyRegisteredVersionAtTheNextRefreshAndPublishesIt() {
        registerAll(registry("2026-11-27T09:00:00Z"));
        ModelRefresh refresh =
                refresh(registry("2026-11-27T09:30:00Z"), Optional.empty(), Map.of());
        refresh.refresh();
        assertThat(refresh.ready()).isTrue();
        assertThat(models.current(Organ.HEART).orElseThrow().card().version())
                .isEqualTo("v20261127T090000000Z");

        ModelCard newer =
                registry("2026-11-27T10:00:00Z")
                        .register(
                                Organ.HEART,
                                TinyModels.trained(Organ.HEART),
                                8,
                                "test",
                                "synthetic");
        refresh.refresh();

        assertThat(models.current(Organ.HEART).orElseThrow().card()).isEqualTo(newer);
        assertThat(
                        meters.get("ramsetu.scoring.model.info")
                                .tags("organ", "heart", "version", newer.version())
                                .gauge()
                                .value())
                .isEqualTo(1);
        assertThat(
                        meters.get("ramsetu.scoring.model.load")
                                .tags("organ", "heart", "phase", "warmup")
                                .timer()
                                .count())
                .isEqualTo(2);
    }

    @Test
    void aPinnedVersionStaysInServiceWhenANewerOneIsRegistered() {
        registerAll(registry("2026-11-27T09:00:00Z"));
        registry("2026-11-27T10:00:00Z")
                .register(Organ.KIDNEY, TinyModels.trained(Organ.KIDNEY), 8, "test", "synthetic");
        ModelRefresh refresh =
                refresh(
                        registry("2026-11-27T11:00:00Z"),
                        Optional.empty(),
                        Map.of(Organ.KIDNEY, "v20261127T090000000Z"));

        refresh.refresh();

        assertThat(models.current(Organ.KIDNEY).orElseThrow().card().version())
                .isEqualTo("v20261127T090000000Z");
    }

    @Test
    void trainsAndRegistersDefaultModelsWhenAskedAndNoneExist() {
        ModelRegistry registry = registry("2026-11-27T09:00:00Z");
        ModelRefresh refresh =
                refresh(registry, Optional.of(new DefaultModels(registry, 2_000)), Map.of());

        refresh.refresh();

        assertThat(refresh.ready()).isTrue();
        for (Organ organ : Organ.values()) {
            assertThat(registry.versions(organ))
                    .singleElement()
                    .extracting(ModelCard::origin)
                    .isEqualTo(DefaultModels.ORIGIN);
        }
    }
}
