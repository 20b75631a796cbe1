package org.ramsetu.platform.centres;

import java.util.Objects;
import java.util.UUID;

/** The id of a transplant centre. */
public record TransplantCentreId(UUID value) {

    public TransplantCentreId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
