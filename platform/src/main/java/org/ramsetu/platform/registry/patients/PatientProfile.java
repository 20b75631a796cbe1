package org.ramsetu.platform.registry.patients;

import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.platform.registry.common.Demographics;
import org.springframework.modulith.NamedInterface;

/**
 * A patient's medical profile, one per patient account.
 *
 * @param hla null until typed (a kidney request needs it)
 * @param unacceptableAntigens from antibody screening; donors carrying any are excluded
 */
@NamedInterface("patients")
public record PatientProfile(
        UUID accountId,
        Demographics person,
        HlaTyping hla,
        UnacceptableAntigens unacceptableAntigens,
        Hospital hospital,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    PatientProfile changedTo(
            Demographics newPerson,
            HlaTyping newHla,
            UnacceptableAntigens newAntigens,
            Hospital newHospital,
            Instant at) {
        return new PatientProfile(
                accountId, newPerson, newHla, newAntigens, newHospital, createdAt, at, version + 1);
    }
}
