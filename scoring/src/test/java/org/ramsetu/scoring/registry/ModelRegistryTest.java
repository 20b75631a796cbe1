package org.ramsetu.scoring.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.core.features.FeatureSchema;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.BlobKey;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.scoring.testing.TinyModels;

class ModelRegistryTest {

    @TempDir Path folder;
    private LocalFolderBlobStore store;

    @BeforeEach
    void store() {
        store = new LocalFolderBlobStore(folder, Clock.systemUTC());
    }

    private ModelRegistry registryAt(String instant) {
        return new ModelRegistry(store, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void registersArtifactAndCardAndChoosesTheNewestUnlessPinned() {
        ModelCard older =
                registryAt("2026-11-27T09:00:00Z")
                        .register(
                                Organ.KIDNEY,
                                TinyModels.trained(Organ.KIDNEY),
                                7,
                                "test",
                                "synthetic");
        ModelCard newer =
                registryAt("2026-11-27T10:00:00Z")
                        .register(
                                Organ.KIDNEY,
                                TinyModels.trained(Organ.KIDNEY),
                                8,
                                "test",
                                "synthetic");
        ModelRegistry registry = registryAt("2026-11-27T11:00:00Z");

        assertThat(registry.versions(Organ.KIDNEY))
                .extracting(ModelCard::version)
                .containsExactly("v20261127T090000000Z", "v20261127T100000000Z");
        assertThat(registry.choose(Organ.KIDNEY, Optional.empty())).contains(newer);
        assertThat(registry.choose(Organ.KIDNEY, Optional.of(older.version()))).contains(older);
        assertThat(registry.choose(Organ.LIVER, Optional.empty())).isEmpty();

        assertThat(newer.features()).isEqualTo(FeatureSchema.names(Organ.KIDNEY));
        assertThat(newer.seed()).isEqualTo(8);
        assertThat(newer.metrics())
                .containsKeys("mae", "r2", "accuracy", "precision", "recall", "f1", "auroc");
        assertThat(newer.libraries()).containsEntry("xgboost4j", "3.4.0").containsKey("java");
        assertThat(registry.artifact(newer)).isEqualTo(TinyModels.trained(Organ.KIDNEY).artifact());
    }

    @Test
    void aPinnedVersionThatDoesNotExistIsAnErrorNamingWhatExists() {
        ModelRegistry registry = registryAt("2026-11-27T09:00:00Z");
        registry.register(Organ.HEART, TinyModels.trained(Organ.HEART), 7, "test", "synthetic");

        assertThatThrownBy(() -> registry.choose(Organ.HEART, Optional.of("v1")))
                .hasMessageContaining("pinned heart model version v1 is not registered")
                .hasMessageContaining("v20261127T090000000Z");
    }

    @Test
    void anArtifactThatDoesNotMatchItsCardIsRefused() {
        ModelRegistry registry = registryAt("2026-11-27T09:00:00Z");
        ModelCard card =
                registry.register(
                        Organ.CORNEA, TinyModels.trained(Organ.CORNEA), 7, "test", "synthetic");
        byte[] other = TinyModels.trained(Organ.KIDNEY).artifact();
        store.put(
                BlobKey.of("models/cornea/" + card.version() + "/model.ubj"),
                new ByteArrayInputStream(other),
                other.length,
                "application/octet-stream");

        assertThatThrownBy(() -> registry.artifact(card)).hasMessageContaining("but its card says");
    }

    @Test
    void anArtifactWithoutItsCardIsNotAVersion() {
        byte[] bytes = TinyModels.trained(Organ.LIVER).artifact();
        store.put(
                BlobKey.of("models/liver/v20261127T090000000Z/model.ubj"),
                new ByteArrayInputStream(bytes),
                bytes.length,
                "application/octet-stream");

        assertThat(registryAt("2026-11-27T10:00:00Z").versions(Organ.LIVER)).isEmpty();
    }
}
