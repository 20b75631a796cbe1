package org.ramsetu.scoring.training;

import java.time.Duration;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains one gradient-boosted regression model with XGBoost on an 80/20 split and measures it on
 * the held-out 20 %.
 */
public final class ModelTrainer {

    public static final double TRAIN_SHARE = 0.8;

    /** XGBoost's Universal Binary JSON: compact, versioned, readable by every XGBoost binding. */
    public static final String ARTIFACT_FORMAT = "ubj";

    private final TrainingParameters parameters;

    public ModelTrainer(TrainingParameters parameters) {
        this.parameters = parameters;
    }

    public TrainedModel train(Dataset data, long seed) {
        Dataset.Split split = data.split(TRAIN_SHARE, seed);
        long start = System.nanoTime();
        Booster booster = null;
        DMatrix train = null;
        try {
            train = matrix(split.train());
            booster =
                    XGBoost.train(
                            train,
                            parameters.asXgboostParams(seed),
                            parameters.rounds(),
                            Map.of(),
                            null,
                            null);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Dataset test = split.test();
            float[] predicted = predict(booster, test);
            return new TrainedModel(
                    data.features(),
                    booster.toByteArray(ARTIFACT_FORMAT),
                    HeldOutMetrics.of(test.y(), predicted),
                    split.train().rows(),
                    test.rows(),
                    took,
                    parameters);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) booster.dispose();
            if (train != null) train.dispose();
        }
    }

    private static DMatrix matrix(Dataset data) throws XGBoostError {
        DMatrix matrix = new DMatrix(data.x(), data.rows(), data.columns(), Float.NaN);
        matrix.setLabel(data.y());
        return matrix;
    }

    private static float[] predict(Booster booster, Dataset data) throws XGBoostError {
        float[][] out = booster.inplace_predict(data.x(), data.rows(), data.columns(), Float.NaN);
        float[] flat = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            flat[i] = out[i][0];
        }
        return flat;
    }
}
