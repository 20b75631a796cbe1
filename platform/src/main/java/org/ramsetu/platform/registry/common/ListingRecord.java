package org.ramsetu.platform.registry.common;

import java.time.Instant;
import java.util.UUID;

/**
 * What a pledge and a transplant request share as listings: one id, a status that moves through a
 * life cycle ({@code S}), the reason and author of its last change, and a version that every change
 * raises.
 */
public interface ListingRecord<S extends Enum<S>> {

    UUID id();

    S status();

    /** The coordinator's reason for the current status, where that status takes one. */
    String statusReason();

    Instant statusChangedAt();

    UUID statusChangedBy();

    long version();
}
