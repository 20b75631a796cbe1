package org.ramsetu.platform.centres;

import java.time.Instant;
import java.util.UUID;

/** A coordinator who works for a centre, and since when. */
public record CentreCoordinatorView(
        UUID accountId, String fullName, String email, Instant assignedAt) {}
