package org.ramsetu.platform.donation;

import java.util.UUID;

/** The id of a donation case. */
public record DonationCaseId(UUID value) {

    public DonationCaseId {
        java.util.Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
