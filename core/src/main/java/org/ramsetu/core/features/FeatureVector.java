package org.ramsetu.core.features;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.organ.Organ;

/** One pair's model inputs, in {@link FeatureSchema} order. Immutable. */
public final class FeatureVector {
    private final Organ organ;
    private final double[] values;

    /** Takes ownership of {@code values}: callers pass a fresh array. */
    FeatureVector(Organ organ, double[] values) {
        if (values.length != FeatureSchema.names(organ).size()) {
            throw new IllegalArgumentException("expected " + FeatureSchema.names(organ));
        }
        this.organ = organ;
        this.values = values;
    }

    public Organ organ() {
        return organ;
    }

    public List<String> names() {
        return FeatureSchema.names(organ);
    }

    /** The value in column {@code column} of {@link #names()}. */
    public double get(int column) {
        return values[column];
    }

    public double get(String name) {
        int i = names().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(name + " is not a " + organ + " feature");
        }
        return values[i];
    }

    public double[] toArray() {
        return values.clone();
    }

    /** Copies the values into {@code target} from {@code offset}: a row of a feature matrix. */
    public void copyTo(double[] target, int offset) {
        System.arraycopy(values, 0, target, offset, values.length);
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        List<String> names = names();
        for (int i = 0; i < values.length; i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && v.organ == organ && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return organ.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return organ + asMap().toString();
    }
}
