package org.ramsetu.platform.coordination;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV, safe to open in a spreadsheet: a cell that a spreadsheet would read as a formula
 * (starting with {@code = + - @}, tab or carriage return) is prefixed with an apostrophe, so a name
 * like {@code =HYPERLINK(...)} typed at sign-up stays text on the coordinator's machine.
 */
public final class CsvWriter {

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        // Instants in ISO 8601 UTC, so a spreadsheet anywhere reads the same moment.
        String text =
                value instanceof java.sql.Timestamp time
                        ? time.toInstant().toString()
                        : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    // Negative numbers are data, not formulas.
    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
