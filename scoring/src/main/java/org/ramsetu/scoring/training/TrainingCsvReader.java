package org.ramsetu.scoring.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ramsetu.scoring.data.PairCsvWriter;

/**
 * Reads a training CSV (what {@code ramsetu generate} writes, or the Python peer's file): a header
 * naming at least the features and {@code match_score}, in any order. Used to train on exactly the
 * data another trainer saw.
 */
public final class TrainingCsvReader {

    private TrainingCsvReader() {}

    public static Dataset read(Path file, List<String> features, int maxRows) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file + " is empty");
            }
            List<String> names = Arrays.asList(header.strip().split(","));
            int[] columns = new int[features.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = column(names, features.get(i), file);
            }
            int target = column(names, PairCsvWriter.TARGET_COLUMN, file);
            FloatBuffer x = new FloatBuffer();
            FloatBuffer y = new FloatBuffer();
            String line;
            long lineNumber = 1;
            while ((line = in.readLine()) != null && y.size() < maxRows) {
                lineNumber++;
                String[] cells = line.split(",", -1);
                if (cells.length != names.size()) {
                    throw new IOException(
                            file
                                    + " line "
                                    + lineNumber
                                    + ": expected "
                                    + names.size()
                                    + " values, found "
                                    + cells.length);
                }
                try {
                    for (int c : columns) {
                        x.add(Float.parseFloat(cells[c]));
                    }
                    y.add(Float.parseFloat(cells[target]));
                } catch (NumberFormatException e) {
                    throw new IOException(
                            file + " line " + lineNumber + ": not a number: " + e.getMessage());
                }
            }
            return new Dataset(features, x.toArray(), y.toArray());
        }
    }

    private static int column(List<String> names, String wanted, Path file) throws IOException {
        int index = names.indexOf(wanted);
        if (index < 0) {
            throw new IOException(file + " has no column '" + wanted + "' (header: " + names + ")");
        }
        return index;
    }

    private static final class FloatBuffer {
        private float[] values = new float[1024];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
