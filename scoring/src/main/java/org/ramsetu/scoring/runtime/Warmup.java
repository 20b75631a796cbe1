package org.ramsetu.scoring.runtime;

import org.ramsetu.scoring.data.SyntheticPairs;

/**
 * Runs a model on synthetic pairs before it takes traffic, so the first real request does not pay
 * for native allocations, the JIT or cold caches. Uses both paths a request takes: batch prediction
 * and SHAP contributions.
 */
public final class Warmup {

    private static final long SEED = 20_261_127L;
    private static final int CONTRIBUTION_ROWS = 16;

    private final int rows;
    private final int rounds;

    public Warmup(int rows, int rounds) {
        this.rows = rows;
        this.rounds = rounds;
    }

    public void warm(LoadedModel model) {
        SyntheticPairs pairs = new SyntheticPairs(model.organ(), SEED);
        int width = pairs.width();
        float[] x = new float[rows * width];
        double[] row = new double[width];
        for (int r = 0; r < rows; r++) {
            pairs.next(row);
            for (int c = 0; c < width; c++) {
                x[r * width + c] = (float) row[c];
            }
        }
        for (int i = 0; i < rounds; i++) {
            model.predict(x, rows);
            model.contributions(x, Math.min(rows, CONTRIBUTION_ROWS));
        }
    }
}
