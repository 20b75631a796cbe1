package org.ramsetu.scoring.training;

import java.util.List;
import java.util.SplittableRandom;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.scoring.data.SyntheticPairs;

/**
 * Rows of features (row-major, the layout XGBoost reads without copying) and their targets.
 *
 * @param features feature names in column order
 */
public record Dataset(List<String> features, float[] x, float[] y) {

    public Dataset {
        features = List.copyOf(features);
        if (x.length != (long) y.length * features.size()) {
            throw new IllegalArgumentException(
                    "dataset has " + x.length + " values for " + y.length + " rows");
        }
    }

    public int rows() {
        return y.length;
    }

    public int columns() {
        return features.size();
    }

    public static Dataset synthetic(Organ organ, int rows, long seed) {
        SyntheticPairs pairs = new SyntheticPairs(organ, seed);
        int width = pairs.width();
        float[] x = new float[rows * width];
        float[] y = new float[rows];
        double[] row = new double[width];
        for (int r = 0; r < rows; r++) {
            y[r] = (float) pairs.next(row);
            for (int c = 0; c < width; c++) {
                x[r * width + c] = (float) row[c];
            }
        }
        return new Dataset(pairs.formula().features(), x, y);
    }

    /** A seeded random {@code trainShare} / rest split (rows shuffled, then cut). */
    public Split split(double trainShare, long seed) {
        int n = rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int cut = (int) Math.round(n * trainShare);
        return new Split(subset(order, 0, cut), subset(order, cut, n));
    }

    private Dataset subset(int[] order, int from, int to) {
        int width = columns();
        float[] sx = new float[(to - from) * width];
        float[] sy = new float[to - from];
        for (int i = from; i < to; i++) {
            int r = order[i];
            System.arraycopy(x, r * width, sx, (i - from) * width, width);
            sy[i - from] = y[r];
        }
        return new Dataset(features, sx, sy);
    }

    public record Split(Dataset train, Dataset test) {}
}
