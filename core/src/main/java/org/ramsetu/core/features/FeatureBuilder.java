package org.ramsetu.core.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.ramsetu.core.eligibility.Exclusion;
import org.ramsetu.core.organ.Organ;

/** Collects values in schema order, plus imputations and exclusions. */
final class FeatureBuilder {
    /** The reason of an imputation, by input: see {@link #notReported}. */
    private static final ConcurrentMap<String, String> NOT_REPORTED = new ConcurrentHashMap<>();

    private final Organ organ;
    private final double[] values;
    private int next;
    private List<Imputation> imputations = List.of();
    private List<Exclusion> exclusions = List.of();

    FeatureBuilder(Organ organ) {
        this.organ = organ;
        this.values = new double[FeatureSchema.names(organ).size()];
    }

    void add(double value) {
        values[next++] = value;
    }

    void exclude(String input) {
        if (exclusions.isEmpty()) {
            exclusions = new ArrayList<>(2);
        }
        exclusions.add(Exclusion.missing(input));
        next++;
    }

    /**
     * @param impute the stand-in when nothing is reported, or {@code null} to exclude instead
     */
    <E> void measured(
            String name,
            Double number,
            DoubleUnaryOperator fromNumber,
            E category,
            ToDoubleFunction<E> fromCategory,
            Double impute,
            String input) {
        if (number != null) {
            add(fromNumber.applyAsDouble(number));
        } else if (category != null) {
            add(fromCategory.applyAsDouble(category));
        } else if (impute != null) {
            if (imputations.isEmpty()) {
                imputations = new ArrayList<>(2);
            }
            imputations.add(new Imputation(name, impute, notReported(input)));
            add(impute);
        } else {
            exclude(input);
        }
    }

    /** A feature known only as a category (no measured number exists for it). */
    <E> void categorical(
            String name,
            E category,
            ToDoubleFunction<E> fromCategory,
            Double impute,
            String input) {
        measured(name, null, null, category, fromCategory, impute, input);
    }

    FeatureResult build() {
        if (!exclusions.isEmpty()) {
            return new FeatureResult(null, imputations, exclusions);
        }
        return new FeatureResult(new FeatureVector(organ, values), imputations, List.of());
    }

    /**
     * "X not reported", one string per input: an imputation of a run's 10⁵ candidates then shares
     * its reason instead of building and later hashing a new one for each.
     */
    private static String notReported(String input) {
        return NOT_REPORTED.computeIfAbsent(input, i -> i + " not reported");
    }
}
