package org.ramsetu.core.ranking;

import org.ramsetu.core.Require;

/** A donor/patient pair: the key ML scores are attached by, and the last tie-breaker. */
public record CandidateId(String patientId, String donorId) implements Comparable<CandidateId> {
    public CandidateId {
        Require.nonBlank("patientId", patientId);
        Require.nonBlank("donorId", donorId);
    }

    @Override
    public int compareTo(CandidateId o) {
        int c = patientId.compareTo(o.patientId);
        return c != 0 ? c : donorId.compareTo(o.donorId);
    }

    /**
     * Mixed, because ids such as {@code D000123} hash to near-consecutive values and the default
     * record hash then crowds HashMap buckets (ML score maps hold 10⁵ entries).
     */
    @Override
    public int hashCode() {
        int h = patientId.hashCode() * 0x9E3779B1 + donorId.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CandidateId c
                && c.donorId.equals(donorId)
                && c.patientId.equals(patientId);
    }

    @Override
    public String toString() {
        return patientId + "/" + donorId;
    }
}
