package org.ramsetu.scoring.training;

import java.util.Map;

/**
 * XGBoost settings. The target is a clamped sum of one term per feature, so shallow (depth-2) trees
 * fit it best. The defaults favour prediction speed, which bounds online and batch throughput. On
 * the Python peer's 100,000 kidney rows (held-out MAE; single-thread prediction speed): 150 trees
 * 0.0045 (~1.35 M rows/s), 200 trees 0.0039 (~1.1 M rows/s, the default), 300 trees 0.0032 (~0.7 M
 * rows/s), 1,500 trees 0.0015 (~0.14 M rows/s), all at eta 0.5. The original 50-tree forest had
 * 0.0079. See docs/scoring.md.
 *
 * @param rounds boosting rounds (trees)
 * @param maxDepth depth of each tree
 * @param learningRate shrinkage per tree ({@code eta})
 * @param threads native threads used to train (not to serve)
 */
public record TrainingParameters(int rounds, int maxDepth, double learningRate, int threads) {

    public static TrainingParameters defaults() {
        return new TrainingParameters(200, 2, 0.5, Runtime.getRuntime().availableProcessors());
    }

    public TrainingParameters withRounds(int value) {
        return new TrainingParameters(value, maxDepth, learningRate, threads);
    }

    public TrainingParameters withMaxDepth(int value) {
        return new TrainingParameters(rounds, value, learningRate, threads);
    }

    public TrainingParameters withLearningRate(double value) {
        return new TrainingParameters(rounds, maxDepth, value, threads);
    }

    /** How the model card records them. */
    public Map<String, Object> asCardEntry() {
        return Map.of(
                "rounds", rounds,
                "max_depth", maxDepth,
                "eta", learningRate,
                "objective", "reg:squarederror",
                "tree_method", "hist");
    }

    Map<String, Object> asXgboostParams(long seed) {
        return Map.of(
                "objective", "reg:squarederror",
                "tree_method", "hist",
                "max_depth", maxDepth,
                "eta", learningRate,
                "nthread", threads,
                "seed", seed,
                "verbosity", 0);
    }
}
