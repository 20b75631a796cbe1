package org.ramsetu.platform.documents;

/** A document waits for a coordinator, who verifies or rejects it (with a reason). */
public enum DocumentStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
