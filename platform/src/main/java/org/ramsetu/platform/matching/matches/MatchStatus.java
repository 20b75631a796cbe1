package org.ramsetu.platform.matching.matches;

/**
 * Life cycle of a proposed match: {@code PROPOSED} → {@code APPROVED} or {@code DECLINED} by a
 * coordinator, or {@code SUPERSEDED} when a newer run for the request proposes afresh. Only a
 * proposed match can change.
 */
public enum MatchStatus {
    PROPOSED,
    APPROVED,
    DECLINED,
    SUPERSEDED
}
