package org.ramsetu.infra.scoring.cache;

import java.util.Map;

/**
 * A 128-bit hash of a candidate's features (name → value), the same for equal maps whatever their
 * iteration order: each entry is mixed on its own and the mixes are added. Two independent 64-bit
 * halves make an accidental collision between two of a cache's vectors (≈ 2^-128 per pair) far less
 * likely than a memory error; the features come from the registry, not from an adversary, so a
 * cryptographic hash would only cost time on the path the cache exists to shorten.
 */
record FeatureVectorHash(long high, long low) {

    static FeatureVectorHash of(Map<String, Double> features) {
        long high = features.size();
        long low = ~(long) features.size();
        for (Map.Entry<String, Double> e : features.entrySet()) {
            long name = e.getKey().hashCode();
            long value = Double.doubleToLongBits(e.getValue());
            high += fmix64(name * 0x9E3779B97F4A7C15L ^ fmix64(value));
            low += splitmix64(name + 0x632BE59BD9B4E019L ^ splitmix64(value ^ 0x94D049BB133111EBL));
        }
        return new FeatureVectorHash(high, low);
    }

    /** MurmurHash3's finaliser. */
    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** SplitMix64's finaliser (different constants and shifts from {@link #fmix64}). */
    private static long splitmix64(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
