package org.ramsetu.scoring.runtime;

import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainingParameters;

/**
 * Trains and registers a modest model for an organ that has none, so that {@code ramsetu serve}
 * works on a fresh data folder without a separate training step. Its card says {@code first-start
 * default}; {@code ramsetu train} registers a better one that replaces it at the next refresh.
 */
public final class DefaultModels {

    public static final String ORIGIN = "first-start default";
    public static final long SEED = 7;

    private final ModelRegistry registry;
    private final int rows;

    public DefaultModels(ModelRegistry registry, int rows) {
        this.registry = registry;
        this.rows = rows;
    }

    public ModelCard trainAndRegister(Organ organ) {
        var model =
                new ModelTrainer(TrainingParameters.defaults())
                        .train(Dataset.synthetic(organ, rows, SEED), SEED);
        return registry.register(organ, model, SEED, ORIGIN, "synthetic");
    }
}
