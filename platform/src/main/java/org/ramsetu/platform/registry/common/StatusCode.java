package org.ramsetu.platform.registry.common;

/**
 * A listing status stored under a code other than its name, because its name does not fit the
 * status column that an earlier release also reads.
 */
public interface StatusCode {

    /** The status column's value. */
    String stored();

    /** The status column's value of any listing status. */
    static String of(Enum<?> status) {
        return status instanceof StatusCode code ? code.stored() : status.name();
    }
}
