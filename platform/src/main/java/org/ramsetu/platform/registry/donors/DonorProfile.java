package org.ramsetu.platform.registry.donors;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.platform.registry.common.Demographics;
import org.ramsetu.platform.registry.common.Location;
import org.springframework.modulith.NamedInterface;

/**
 * A donor's medical profile, one per donor account.
 *
 * @param hla null until the donor has been typed
 * @param consentGivenAt when the donor consented to RamSetu keeping this profile
 */
@NamedInterface("donors")
public record DonorProfile(
        UUID accountId,
        Demographics person,
        Location location,
        HlaTyping hla,
        MedicalHistory medicalHistory,
        Instant consentGivenAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The same profile with new facts, one version on. */
    DonorProfile changedTo(
            Demographics newPerson,
            Location newLocation,
            HlaTyping newHla,
            MedicalHistory newHistory,
            Instant at) {
        return new DonorProfile(
                accountId,
                newPerson,
                newLocation,
                newHla,
                newHistory,
                consentGivenAt,
                createdAt,
                at,
                version + 1);
    }
}
