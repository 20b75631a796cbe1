package org.ramsetu.infra.scoring;

import java.util.Optional;

/**
 * What {@link HttpScoringClient} shows the scoring target on each call: a bearer token, or nothing
 * where the scoring target is open (a benchmark on loopback).
 */
@FunctionalInterface
public interface ScoringCredentials {

    /**
     * The header the token travels in. Not {@code Authorization}: the scoring target of the release
     * before this one is open and would try any bearer token there as a user's and refuse the call,
     * so api and worker could not be upgraded before it. The scoring target reads both.
     */
    String HEADER = "RamSetu-Service-Token";

    Optional<String> bearerToken();

    static ScoringCredentials none() {
        return Optional::empty;
    }
}
