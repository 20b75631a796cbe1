package org.ramsetu.core.donor;

/** Lifecycle of a pledge (docs/domain.md). Only VERIFIED pledges can be offered. */
public enum PledgeStatus {
    PENDING,
    VERIFIED,
    REJECTED,
    DONATED,
    WITHDRAWN
}
