package org.ramsetu.platform.kernel;

import java.text.Normalizer;

/**
 * Text people type, in one Unicode form (NFC: the same name typed on two keyboards is one string)
 * and without characters nobody can see: controls, zero-width spaces, byte-order marks, bidi
 * overrides that make a name read differently than it is stored. The zero-width joiner and
 * non-joiner are kept where words may need them: they shape Devanagari, Malayalam and other
 * scripts' names.
 */
public final class VisibleText {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private VisibleText() {}

    public static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * Whether {@code c} is invisible in a word (so a name or a line may not hold it); line breaks
     * are the caller's to allow.
     */
    public static boolean invisibleInWords(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR ->
                    true;
            case Character.FORMAT -> c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER;
            default -> false;
        };
    }

    /**
     * Whether {@code c} is refused in an address or other identifier: every format character too,
     * and whatever Unicode has not assigned yet (free text keeps those: newer emoji are unassigned
     * to this Java).
     */
    public static boolean invisibleInIdentifiers(int c) {
        int type = Character.getType(c);
        return invisibleInWords(c) || type == Character.FORMAT || type == Character.UNASSIGNED;
    }

    /** The first character of {@code text} a word may not hold, or -1. */
    public static int firstInvisibleInWords(String text) {
        return text.codePoints().filter(VisibleText::invisibleInWords).findFirst().orElse(-1);
    }

    /** Like {@link #firstInvisibleInWords} for text that may span lines (notes, reasons). */
    public static int firstInvisibleInLines(String text) {
        return text.codePoints()
                .filter(c -> c != '\n' && c != '\r' && invisibleInWords(c))
                .findFirst()
                .orElse(-1);
    }

    /** How to name a refused character in an error message: {@code U+200B}. */
    public static String describe(int c) {
        return String.format("U+%04X", c);
    }
}
