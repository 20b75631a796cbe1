package org.ramsetu.scoring.batch;

import java.util.Arrays;
import java.util.List;
import org.ramsetu.scoring.runtime.FeatureRule;

/**
 * Where each model feature sits in the input's columns (found by header name, so column order and
 * extra columns such as ids do not matter), and how to read one line into the feature matrix.
 */
final class InputLayout {

    private final String[] columns;

    /** featureColumn[f] = the input column holding feature f. */
    private final int[] featureColumn;

    private InputLayout(String[] columns, int[] featureColumn) {
        this.columns = columns;
        this.featureColumn = featureColumn;
    }

    static InputLayout of(String header, List<String> features) {
        String[] columns = header.strip().split(",", -1);
        for (int i = 0; i < columns.length; i++) {
            columns[i] = columns[i].strip();
        }
        int[] featureColumn = new int[features.size()];
        for (int f = 0; f < featureColumn.length; f++) {
            featureColumn[f] = Arrays.asList(columns).indexOf(features.get(f));
            if (featureColumn[f] < 0) {
                throw new BatchInputException(
                        "line 1: the header has no column '"
                                + features.get(f)
                                + "' (the model needs "
                                + features
                                + "; the header has "
                                + Arrays.toString(columns)
                                + ")");
            }
        }
        return new InputLayout(columns, featureColumn);
    }

    /** Reads one line's features into {@code x} from {@code offset}; throws naming the line. */
    void read(String line, long lineNumber, List<FeatureRule> rules, float[] x, int offset) {
        int[] starts = new int[columns.length + 1];
        int column = 0;
        starts[0] = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                if (++column >= columns.length) {
                    break;
                }
                starts[column] = i + 1;
            }
        }
        if (column != columns.length - 1) {
            throw new BatchInputException(
                    "line "
                            + lineNumber
                            + ": expected "
                            + columns.length
                            + " values like the header, found "
                            + (column + 1)
                            + (column >= columns.length ? " or more" : ""));
        }
        starts[columns.length] = line.length() + 1;
        for (int f = 0; f < featureColumn.length; f++) {
            int c = featureColumn[f];
            int from = starts[c];
            int to = starts[c + 1] - 1;
            double value;
            try {
                value = NumberCells.parse(line, from, to);
            } catch (NumberFormatException e) {
                throw new BatchInputException(
                        "line "
                                + lineNumber
                                + ", column '"
                                + columns[c]
                                + "': not a number: '"
                                + line.substring(from, to)
                                + "'");
            }
            String problem = rules.get(f).problemWith(value);
            if (problem != null) {
                throw new BatchInputException(
                        "line " + lineNumber + ", column '" + columns[c] + "': " + problem);
            }
            x[offset + f] = (float) value;
        }
    }
}
