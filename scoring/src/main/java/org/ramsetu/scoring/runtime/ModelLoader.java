package org.ramsetu.scoring.runtime;

import java.time.Duration;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.registry.ModelRegistry;

/** Loads a registered model into memory and warms it, recording how long each step took. */
public final class ModelLoader {

    private final ModelRegistry registry;
    private final Warmup warmup;
    private final ScoringMetrics metrics;
    private final int threads;

    public ModelLoader(ModelRegistry registry, Warmup warmup, ScoringMetrics metrics, int threads) {
        this.registry = registry;
        this.warmup = warmup;
        this.metrics = metrics;
        this.threads = threads;
    }

    public LoadedModel loadWarm(Organ organ, ModelCard card) {
        long start = System.nanoTime();
        LoadedModel model = LoadedModel.load(organ, card, registry.artifact(card), threads);
        long loaded = System.nanoTime();
        metrics.modelPhase(organ, "load", Duration.ofNanos(loaded - start));
        warm(model);
        return model;
    }

    public Duration warm(LoadedModel model) {
        long start = System.nanoTime();
        warmup.warm(model);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.modelPhase(model.organ(), "warmup", took);
        return took;
    }
}
