package org.ramsetu.scoring.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ramsetu.infra.scoring.CandidateProblem;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.TooManyCandidatesException;
import org.ramsetu.scoring.runtime.FeatureRule;

/**
 * Collects candidates one at a time into a {@link CandidateBatch}, checking each as it comes: every
 * model feature present once, numeric and in range, no unknown feature, a non-blank id used once.
 * Problems are gathered (up to {@link InvalidCandidatesException#MAX_LISTED}) so one answer lists
 * them all; more candidates than the limit stop the build at once.
 */
public final class CandidateBatchBuilder {

    private final List<String> features;
    private final FeatureRule[] rules;
    private final int maxCandidates;
    private final int width;
    private final List<CandidateProblem> problems = new ArrayList<>();
    private final Set<String> seenIds = new HashSet<>();
    private final List<String[]> pending = new ArrayList<>();

    private String[] ids = new String[64];
    private float[] x;
    private int rows;
    private String currentId;
    private long seen;

    public CandidateBatchBuilder(List<String> features, int maxCandidates) {
        this.features = List.copyOf(features);
        this.rules = features.stream().map(FeatureRule::of).toArray(FeatureRule[]::new);
        this.maxCandidates = maxCandidates;
        this.width = features.size();
        this.x = new float[64 * width];
    }

    /** Starts the next candidate. */
    public void begin() {
        if (rows == maxCandidates) {
            throw new TooManyCandidatesException(rows + 1, maxCandidates);
        }
        if (rows == ids.length) {
            ids = Arrays.copyOf(ids, rows * 2);
            x = Arrays.copyOf(x, rows * 2 * width);
        }
        currentId = null;
        seen = 0;
        pending.clear();
    }

    public void id(String id) {
        currentId = id;
    }

    /**
     * One whole candidate whose values are in this model's column order: what {@link #begin()},
     * {@link #id}, {@link #feature} for every column and {@link #end()} do, checked by the same
     * rules, without looking names up.
     *
     * @param offset where the candidate's first value is in {@code values}
     */
    public void row(String id, double[] values, int offset) {
        begin();
        id(id);
        for (int column = 0; column < width; column++) {
            set(column, values[offset + column]);
        }
        end();
    }

    public void feature(String name, double value) {
        int column = column(name);
        if (column < 0) {
            problem(
                    "features." + name,
                    "is not a feature of this model (expected " + features + ")");
            return;
        }
        set(column, value);
    }

    private void set(int column, double value) {
        seen |= 1L << column;
        String problem = rules[column].problemWith(value);
        if (problem != null) {
            problem("features." + features.get(column), problem);
        } else {
            x[rows * width + column] = (float) value;
        }
    }

    /** A feature whose value is not a number; {@code what} describes what it was instead. */
    public void notANumber(String name, String what) {
        int column = column(name);
        if (column >= 0) {
            seen |= 1L << column;
        }
        problem("features." + name, "must be a number (was " + what + ")");
    }

    /** Ends the current candidate: reports what it lacked and any problem found on the way. */
    public void end() {
        for (int f = 0; f < width; f++) {
            if ((seen & (1L << f)) == 0) {
                problem("features." + features.get(f), "is missing");
            }
        }
        if (currentId == null || currentId.isBlank()) {
            problem("id", "must not be blank");
        } else if (!seenIds.add(currentId)) {
            problem("id", "is used by an earlier candidate; ids must be unique");
        }
        for (String[] p : pending) {
            if (problems.size() < InvalidCandidatesException.MAX_LISTED) {
                problems.add(new CandidateProblem(currentId, rows, p[0], p[1]));
            }
        }
        ids[rows++] = currentId;
    }

    public int rows() {
        return rows;
    }

    public CandidateBatch build() {
        if (!problems.isEmpty()) {
            throw new InvalidCandidatesException(problems);
        }
        return new CandidateBatch(features, ids, x, rows);
    }

    private void problem(String field, String message) {
        pending.add(new String[] {field, message});
    }

    private int column(String name) {
        for (int f = 0; f < width; f++) {
            if (features.get(f).equals(name)) {
                return f;
            }
        }
        return -1;
    }
}
