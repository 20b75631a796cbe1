package org.ramsetu.scoring.data;

import java.io.IOException;
import java.io.Writer;
import org.ramsetu.core.features.FeatureSchema;

/**
 * Streams synthetic pairs as CSV: a header of the organ's features in schema order plus {@code
 * match_score}, then one row per pair. Memory stays constant whatever the row count.
 */
public final class PairCsvWriter {

    public static final String TARGET_COLUMN = "match_score";

    private PairCsvWriter() {}

    public static void write(SyntheticPairs pairs, long rows, Writer out) throws IOException {
        out.write(String.join(",", FeatureSchema.names(pairs.formula().organ())));
        out.write("," + TARGET_COLUMN + "\n");
        double[] features = new double[pairs.width()];
        int urgency = features.length - 1;
        StringBuilder line = new StringBuilder(128);
        for (long row = 0; row < rows; row++) {
            double target = pairs.next(features);
            line.setLength(0);
            for (int i = 0; i < urgency; i++) {
                Decimals.append(line, features[i], 2).append(',');
            }
            line.append((int) features[urgency]).append(',');
            Decimals.append(line, target, 3).append('\n');
            out.append(line);
        }
        out.flush();
    }
}
