package org.ramsetu.scoring.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ramsetu.core.organ.Organ;

/** {@code POST /v1/warmup}: warms every model in service again (e.g. after a long idle period). */
public final class Warming {

    private final LoadedModels models;
    private final ModelLoader loader;

    public Warming(LoadedModels models, ModelLoader loader) {
        this.models = models;
        this.loader = loader;
    }

    public record Warmed(String organ, String version, long millis) {}

    public List<Warmed> warmAll() {
        List<Warmed> warmed = new ArrayList<>();
        for (Organ organ : Organ.values()) {
            models.withModel(
                            organ,
                            model -> {
                                Duration took = loader.warm(model);
                                return new Warmed(
                                        Organs.name(organ),
                                        model.card().version(),
                                        took.toMillis());
                            })
                    .ifPresent(warmed::add);
        }
        return warmed;
    }
}
