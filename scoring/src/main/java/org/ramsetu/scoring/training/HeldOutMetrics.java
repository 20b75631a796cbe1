package org.ramsetu.scoring.training;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics the original design reported, on held-out rows: MAE and R² of the score, and, with
 * "good match" meaning score ≥ {@link #THRESHOLD} for truth and prediction alike, accuracy,
 * precision, recall and F1; plus AUROC of the predicted score against the true class.
 */
public record HeldOutMetrics(
        double mae,
        double r2,
        double accuracy,
        double precision,
        double recall,
        double f1,
        double auroc) {

    public static final double THRESHOLD = 0.7;

    public static HeldOutMetrics of(float[] truth, float[] predicted) {
        int n = truth.length;
        double mean = 0;
        for (float t : truth) {
            mean += t;
        }
        mean /= n;
        double absError = 0;
        double squaredError = 0;
        double variance = 0;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < n; i++) {
            double error = predicted[i] - truth[i];
            absError += Math.abs(error);
            squaredError += error * error;
            variance += (truth[i] - mean) * (truth[i] - mean);
            boolean actual = truth[i] >= THRESHOLD;
            boolean guessed = predicted[i] >= THRESHOLD;
            if (actual && guessed) tp++;
            else if (guessed) fp++;
            else if (actual) fn++;
            else tn++;
        }
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new HeldOutMetrics(
                absError / n,
                1 - squaredError / variance,
                (double) (tp + tn) / n,
                precision,
                recall,
                f1,
                auroc(truth, predicted));
    }

    /**
     * Area under the ROC curve as the Mann–Whitney statistic: the chance that a random positive
     * scores above a random negative, ties counting one half (average ranks).
     */
    static double auroc(float[] truth, float[] predicted) {
        int n = truth.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(predicted[a], predicted[b]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && predicted[order[j + 1]] == predicted[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (truth[order[k]] >= THRESHOLD) {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0)
                / ((double) positives * negatives);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mae", mae);
        m.put("r2", r2);
        m.put("accuracy", accuracy);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("auroc", auroc);
        return m;
    }

    public static HeldOutMetrics fromMap(Map<String, Double> m) {
        return new HeldOutMetrics(
                m.get("mae"),
                m.get("r2"),
                m.get("accuracy"),
                m.get("precision"),
                m.get("recall"),
                m.get("f1"),
                m.get("auroc"));
    }
}
