package org.ramsetu.platform.registry.requests;

import org.springframework.modulith.NamedInterface;

/** Where a transplant request stands on the waiting list. */
@NamedInterface("requests")
public enum RequestStatus {
    /** Listed; waiting time runs. */
    WAITING,
    /** An approved match is being carried out. */
    MATCHED,
    /** The patient received the organ. */
    TRANSPLANTED,
    /** Taken off the list by a coordinator, with a reason. */
    REMOVED
}
