package org.ramsetu.scoring.batch;

/**
 * Parses a plain decimal ({@code 0.87}, {@code -12}, {@code 1042.5}) straight from a line, without
 * cutting a substring first; anything else (exponents, {@code NaN}, blanks) goes through {@link
 * Double#parseDouble}, which also reports what is wrong.
 */
final class NumberCells {

    private static final double[] TENTHS = {
        1, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9
    };

    private NumberCells() {}

    static double parse(String line, int from, int to) {
        int i = from;
        boolean negative = i < to && line.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int wholeDigits = 0;
        while (i < to && isDigit(line.charAt(i)) && wholeDigits < 15) {
            digits = digits * 10 + (line.charAt(i++) - '0');
            wholeDigits++;
        }
        int fractionDigits = 0;
        if (i < to && line.charAt(i) == '.') {
            i++;
            while (i < to && isDigit(line.charAt(i)) && fractionDigits < TENTHS.length - 1) {
                digits = digits * 10 + (line.charAt(i++) - '0');
                fractionDigits++;
            }
        }
        if (i != to || wholeDigits + fractionDigits == 0) {
            return Double.parseDouble(line.substring(from, to).strip());
        }
        double value = digits * TENTHS[fractionDigits];
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
