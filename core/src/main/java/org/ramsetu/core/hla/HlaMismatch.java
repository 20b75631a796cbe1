package org.ramsetu.core.hla;

import org.ramsetu.core.Require;

/** Donor antigens the recipient lacks, per locus (0–2 each, 0–6 total). */
public record HlaMismatch(int a, int b, int dr) {
    public HlaMismatch {
        Require.inRange("hlaMismatch.A", a, 0, 2, "");
        Require.inRange("hlaMismatch.B", b, 0, 2, "");
        Require.inRange("hlaMismatch.DR", dr, 0, 2, "");
    }

    private static final HlaMismatch[] ALL = new HlaMismatch[27];

    static {
        for (int i = 0; i < 27; i++) {
            ALL[i] = new HlaMismatch(i / 9, (i / 3) % 3, i % 3);
        }
    }

    /** Shared instance: only 27 combinations exist, and a match run computes one per pair. */
    public static HlaMismatch of(int a, int b, int dr) {
        if (a < 0 || a > 2 || b < 0 || b > 2 || dr < 0 || dr > 2) {
            return new HlaMismatch(a, b, dr); // throws naming the locus
        }
        return ALL[a * 9 + b * 3 + dr];
    }

    public int total() {
        return a + b + dr;
    }

    public boolean isZero() {
        return total() == 0;
    }

    @Override
    public String toString() {
        return a + "-" + b + "-" + dr;
    }
}
