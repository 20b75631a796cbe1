package org.ramsetu.infra.scoring;

import java.util.Optional;

/**
 * What {@link HttpScoringClient} shows the scoring target on each call: a bearer token, or nothing
 * where the scoring target is open (a benchmark on loopback).
 */
@FunctionalInterface
public interface ScoringCredentials {

    Optional<String> bearerToken();

    static ScoringCredentials none() {
        return Optional::empty;
    }
}
