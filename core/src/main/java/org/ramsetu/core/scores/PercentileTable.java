package org.ramsetu.core.scores;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A score → percentile mapping loaded as data (KDRI_median → KDPI, raw EPTS → EPTS). Tables are
 * republished by OPTN every year, so they live in versioned resource files, never in code.
 *
 * <p>File format: {@code #} comments, {@code key=value} headers ({@code version}, {@code measure},
 * {@code status}, {@code source}, {@code above_last}), then rows {@code <percentile> <inclusive
 * upper bound>} in ascending order.
 */
public final class PercentileTable {
    private final String version;
    private final String measure;
    private final boolean provisional;
    private final int[] percentiles;
    private final double[] upperBounds;
    private final int aboveLast;

    private PercentileTable(Map<String, String> headers, List<double[]> rows) {
        this.version = required(headers, "version");
        this.measure = required(headers, "measure");
        this.provisional = !"VERIFIED".equalsIgnoreCase(required(headers, "status"));
        this.aboveLast = Integer.parseInt(required(headers, "above_last"));
        this.percentiles = rows.stream().mapToInt(r -> (int) r[0]).toArray();
        this.upperBounds = rows.stream().mapToDouble(r -> r[1]).toArray();
        for (int i = 1; i < upperBounds.length; i++) {
            if (upperBounds[i] <= upperBounds[i - 1] || percentiles[i] <= percentiles[i - 1]) {
                throw new IllegalStateException(version + ": rows must ascend (row " + i + ")");
            }
        }
        if (upperBounds.length == 0) {
            throw new IllegalStateException(version + ": no rows");
        }
    }

    public static PercentileTable kdpiBundled() {
        return resource("kdpi-mapping.table");
    }

    public static PercentileTable eptsBundled() {
        return resource("epts-mapping.table");
    }

    private static PercentileTable resource(String name) {
        try (InputStream in = PercentileTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PercentileTable load(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq > 0) {
                headers.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
            } else {
                String[] parts = t.split("\\s+");
                rows.add(new double[] {Integer.parseInt(parts[0]), Double.parseDouble(parts[1])});
            }
        }
        return new PercentileTable(headers, rows);
    }

    /** Smallest percentile whose upper bound is ≥ value (OPTN tables list inclusive maxima). */
    public PercentileResult lookup(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException(measure + " must be a number");
        }
        int i = Arrays.binarySearch(upperBounds, value);
        int index = i >= 0 ? i : -i - 1;
        int percentile = index < upperBounds.length ? percentiles[index] : aboveLast;
        return new PercentileResult(percentile, version, provisional);
    }

    public String version() {
        return version;
    }

    public String measure() {
        return measure;
    }

    public boolean provisional() {
        return provisional;
    }

    private static String required(Map<String, String> headers, String key) {
        String v = headers.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("percentile table header '" + key + "' missing");
        }
        return v;
    }
}
