package org.ramsetu.scoring.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.testing.TinyModels;

class LoadedModelsTest {

    private static final float[] ONE_ROW = {0.9f, 0.9f, 0.9f, 0.9f, 100f, 3f};

    @Test
    void aCallHoldingTheOldModelFinishesOnItWhileANewVersionIsSwappedIn() {
        LoadedModels models = new LoadedModels();
        LoadedModel first = TinyModels.loaded(Organ.KIDNEY, "v1");
        LoadedModel second = TinyModels.loaded(Organ.KIDNEY, "v2");
        models.install(first);

        String usedInFlight =
                models.withModel(
                                Organ.KIDNEY,
                                held -> {
                                    models.install(second); // swap mid-call
                                    held.predict(ONE_ROW, 1); // still usable: not freed under us
                                    return held.card().version();
                                })
                        .orElseThrow();

        assertThat(usedInFlight).isEqualTo("v1");
        assertThat(models.current(Organ.KIDNEY)).contains(second);
        assertThat(first.acquire()).as("freed once its last caller released it").isFalse();
        assertThat(models.withModel(Organ.KIDNEY, m -> m.card().version())).contains("v2");
    }

    @Test
    void readyOnlyWhenEveryOrganHasAModel() {
        LoadedModels models = new LoadedModels();
        for (Organ organ : Organ.values()) {
            assertThat(models.allLoaded()).isFalse();
            models.install(TinyModels.loaded(organ, "v1"));
        }
        assertThat(models.allLoaded()).isTrue();
        assertThat(models.withModel(Organ.HEART, m -> m.organ())).contains(Organ.HEART);
    }
}
