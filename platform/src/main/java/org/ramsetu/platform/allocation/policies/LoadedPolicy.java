package org.ramsetu.platform.allocation.policies;

import org.ramsetu.core.allocation.AllocationPolicy;

/**
 * A policy as the platform uses it: the clinical core's object, the canonical JSON it was read from
 * (stored with every run) and that JSON's SHA-256 (hex), so a run names exactly what ranked it.
 */
public record LoadedPolicy(AllocationPolicy policy, String canonicalJson, String sha256) {

    public String id() {
        return policy.id();
    }
}
