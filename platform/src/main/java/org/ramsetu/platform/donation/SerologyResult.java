package org.ramsetu.platform.donation;

/**
 * A donor's serology result. {@code PENDING} is common when a case is opened and must be replaced
 * before a centre can accept an organ; it is never read as negative.
 */
public enum SerologyResult {
    NEGATIVE,
    POSITIVE,
    PENDING
}
