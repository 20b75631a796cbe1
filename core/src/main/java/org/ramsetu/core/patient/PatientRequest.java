package org.ramsetu.core.patient;

import java.time.Instant;
import org.ramsetu.core.Require;
import org.ramsetu.core.blood.BloodGroup;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.hla.HlaTyping;
import org.ramsetu.core.hla.UnacceptableAntigens;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.LiverLabs;

/**
 * A patient's transplant request for one organ. Organ-specific inputs may be {@code null}; the
 * eligibility rules then exclude with {@code MISSING_INPUT} rather than guess.
 *
 * @param urgencyLevel 1 (routine) – 5 (most urgent), as set on the request
 * @param heartStatus required for hearts
 * @param liverLabs required for livers (MELD-Na)
 * @param body required for hearts (size match)
 * @param listedAt start of waiting time
 * @param registeredAt registration of the request, the second tie-breaker
 */
public record PatientRequest(
        String patientId,
        Organ organ,
        BloodGroup bloodGroup,
        HlaTyping hla,
        UnacceptableAntigens unacceptableAntigens,
        Coordinates hospital,
        int urgencyLevel,
        HeartStatus heartStatus,
        LiverLabs liverLabs,
        BodySize body,
        Instant listedAt,
        Instant registeredAt) {

    public PatientRequest {
        Require.nonBlank("patientId", patientId);
        Require.present("organ", organ);
        Require.present("bloodGroup", bloodGroup);
        unacceptableAntigens =
                unacceptableAntigens == null ? UnacceptableAntigens.NONE : unacceptableAntigens;
        Require.present("hospital", hospital);
        Require.inRange("urgencyLevel", urgencyLevel, 1, 5, "");
        Require.plausibleInstant("listedAt", listedAt);
        Require.plausibleInstant("registeredAt", registeredAt);
    }
}
