package org.ramsetu.platform.centres;

import java.time.Instant;
import java.util.UUID;

/** A transplant centre as stored: its details and who last changed them. */
public record TransplantCentre(
        TransplantCentreId id,
        CentreDetails details,
        UUID createdBy,
        Instant createdAt,
        UUID updatedBy,
        Instant updatedAt,
        long version) {

    TransplantCentre amended(CentreDetails amended, UUID by, Instant at) {
        return new TransplantCentre(id, amended, createdBy, createdAt, by, at, version + 1);
    }
}
