package org.ramsetu.core.hla;

/**
 * Serological split → broad antigen families (WHO HLA nomenclature, as used in the UNOS/OPTN
 * antigen equivalence tables). Only the splits relevant at A, B and DR are listed.
 */
final class SplitFamilies {
    private static final int[][] BROAD = new int[HlaLocus.values().length][1000];
    private static final int[][][] SPLITS = new int[HlaLocus.values().length][1000][];

    static {
        family(HlaLocus.A, 9, 23, 24);
        family(HlaLocus.A, 10, 25, 26, 34, 66);
        family(HlaLocus.A, 19, 29, 30, 31, 32, 33, 74);
        family(HlaLocus.A, 28, 68, 69);
        family(HlaLocus.B, 5, 51, 52);
        family(HlaLocus.B, 12, 44, 45);
        family(HlaLocus.B, 14, 64, 65);
        family(HlaLocus.B, 15, 62, 63, 75, 76, 77);
        family(HlaLocus.B, 16, 38, 39);
        family(HlaLocus.B, 17, 57, 58);
        family(HlaLocus.B, 21, 49, 50);
        family(HlaLocus.B, 22, 54, 55, 56);
        family(HlaLocus.B, 40, 60, 61);
        family(HlaLocus.B, 70, 71, 72);
        family(HlaLocus.DR, 2, 15, 16);
        family(HlaLocus.DR, 3, 17, 18);
        family(HlaLocus.DR, 5, 11, 12);
        family(HlaLocus.DR, 6, 13, 14);
    }

    private SplitFamilies() {}

    private static void family(HlaLocus locus, int broad, int... splits) {
        SPLITS[locus.ordinal()][broad] = splits.clone();
        for (int split : splits) {
            BROAD[locus.ordinal()][split] = broad;
        }
    }

    static int broadOf(HlaLocus locus, int number) {
        int broad = BROAD[locus.ordinal()][number];
        return broad == 0 ? number : broad;
    }

    static int[] splitsOf(HlaLocus locus, int number) {
        int[] splits = SPLITS[locus.ordinal()][number];
        return splits == null ? new int[0] : splits.clone();
    }
}
