package org.ramsetu.infra.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Candidates to score as one matrix: their ids, the feature names in column order, and the values
 * row by row. A ranking run that holds its features as arrays passes them like this instead of a
 * map per candidate (a kidney run scores about 11,000 pairs; building, copying and reading a map of
 * six boxed numbers for each was a sixth of a run's CPU). Results are still keyed by id.
 *
 * <p>The caller hands the arrays over: it must not change them afterwards. Equality is by identity,
 * as for any record holding arrays.
 *
 * @param values {@code ids.length × features.size()} numbers: row {@code i} starts at {@code i ×
 *     features.size()}
 */
public record FeatureRows(List<String> features, String[] ids, double[] values) {

    public FeatureRows {
        features = List.copyOf(features);
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(values, "values");
        if ((long) ids.length * features.size() != values.length) {
            throw new IllegalArgumentException(
                    values.length
                            + " values do not make "
                            + ids.length
                            + " rows of "
                            + features.size()
                            + " features");
        }
    }

    public int rows() {
        return ids.length;
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public FeatureRows slice(int from, int to) {
        if (from == 0 && to == ids.length) {
            return this;
        }
        int width = features.size();
        return new FeatureRows(
                features,
                Arrays.copyOfRange(ids, from, to),
                Arrays.copyOfRange(values, from * width, to * width));
    }

    /** The same candidates with a map each: for adapters that cannot read the matrix itself. */
    public ScoreRequest asRequest() {
        int width = features.size();
        List<Candidate> candidates = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (int f = 0; f < width; f++) {
                row.put(features.get(f), values[i * width + f]);
            }
            candidates.add(new Candidate(ids[i], row));
        }
        return new ScoreRequest(candidates);
    }

    @Override
    public String toString() {
        return "FeatureRows[" + ids.length + " rows of " + features + "]";
    }
}
