package org.ramsetu.platform.registry.requests;

import java.util.Arrays;
import org.ramsetu.platform.registry.common.StatusCode;
import org.springframework.modulith.NamedInterface;

/** Where a transplant request stands on the waiting list. */
@NamedInterface("requests")
public enum RequestStatus implements StatusCode {
    /**
     * Requested by the patient, or changed since a coordinator of the centre last checked its
     * clinical values; it does not count for allocation until that centre verifies it.
     */
    PENDING_VERIFICATION("PENDING"),
    /** Verified by the centre and listed; waiting time runs. */
    WAITING("WAITING"),
    /** An approved match is being carried out. */
    MATCHED("MATCHED"),
    /** The patient received the organ. */
    TRANSPLANTED("TRANSPLANTED"),
    /** Taken off the list by a coordinator, with a reason. */
    REMOVED("REMOVED");

    /**
     * The status column's value. The column is {@code varchar(12)} and the release before this one
     * reads it: widening it would break that release's prepared statements during a rollout, so the
     * one status that does not fit is stored by a shorter code.
     */
    private final String stored;

    RequestStatus(String stored) {
        this.stored = stored;
    }

    @Override
    public String stored() {
        return stored;
    }

    /** The status a stored code names. */
    public static RequestStatus ofStored(String code) {
        return Arrays.stream(values())
                .filter(s -> s.stored.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown request status " + code));
    }
}
