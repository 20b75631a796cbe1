package org.ramsetu.scoring.runtime;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.registry.ModelCard;

/**
 * One model in memory: the native booster and its card. Predictions take a row-major matrix in the
 * card's feature order, many rows per call (one JNI call per row costs ~80 µs; a batch costs about
 * 1 µs per row).
 *
 * <p>The booster is native memory, so it is freed explicitly; callers {@link #acquire()} it for the
 * duration of a call, and {@link #retire()} frees it once the last caller has released it. A model
 * swapped out in the middle of a request therefore finishes that request.
 */
public final class LoadedModel {

    private final Organ organ;
    private final ModelCard card;
    private final Booster booster;
    private final int columns;

    /** Callers holding the model; -1 once freed. */
    private final AtomicInteger users = new AtomicInteger();

    private volatile boolean retired;

    private LoadedModel(Organ organ, ModelCard card, Booster booster) {
        this.organ = organ;
        this.card = card;
        this.booster = booster;
        this.columns = card.features().size();
    }

    /**
     * @param threads native threads per prediction: 1 for online serving (requests already run in
     *     parallel), all cores for batch scoring
     */
    public static LoadedModel load(Organ organ, ModelCard card, byte[] artifact, int threads) {
        try {
            Booster booster = XGBoost.loadModel(artifact);
            booster.setParam("nthread", threads);
            return new LoadedModel(organ, card, booster);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException(
                    "cannot load "
                            + card.organ()
                            + " model "
                            + card.version()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    public Organ organ() {
        return organ;
    }

    public ModelCard card() {
        return card;
    }

    public List<String> features() {
        return card.features();
    }

    /** Scores {@code rows} rows of {@code x} (row-major, {@link #features()} order). */
    public float[] predict(float[] x, int rows) {
        try {
            float[][] out = booster.inplace_predict(x, rows, columns, Float.NaN);
            float[] scores = new float[rows];
            for (int i = 0; i < rows; i++) {
                scores[i] = out[i][0];
            }
            return scores;
        } catch (XGBoostError e) {
            throw new IllegalStateException("prediction failed: " + e.getMessage(), e);
        }
    }

    /**
     * SHAP contributions (XGBoost's exact TreeSHAP) of each feature for each row; the extra last
     * column is the bias (the model's expected score). Slow (thousands of rows/s): call it only for
     * the rows being returned.
     */
    public float[][] contributions(float[] x, int rows) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(x, rows, columns, Float.NaN);
            return booster.predictContrib(matrix, 0);
        } catch (XGBoostError e) {
            throw new IllegalStateException("contributions failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) matrix.dispose();
        }
    }

    /** Takes a hold on the model; false if it has already been freed (read the current one). */
    public boolean acquire() {
        while (true) {
            int n = users.get();
            if (n < 0) {
                return false;
            }
            if (users.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (users.decrementAndGet() == 0 && retired) {
            freeIfUnused();
        }
    }

    /** No new caller gets this model from now on; frees it when the last hold is released. */
    public void retire() {
        retired = true;
        freeIfUnused();
    }

    private void freeIfUnused() {
        if (users.compareAndSet(0, -1)) {
            booster.dispose();
        }
    }
}
