package org.ramsetu.platform.matching.runs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.ramsetu.core.geo.Coordinates;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.LiverLabs;
import org.ramsetu.platform.registry.common.Demographics;
import org.ramsetu.platform.registry.patients.PatientProfile;
import org.ramsetu.platform.registry.requests.LiverValues;
import org.ramsetu.platform.registry.requests.TransplantRequest;

/**
 * A transplant request with its patient's profile, and both as the clinical core's {@link
 * PatientRequest}. The core's patient id is the request id, so a candidate is a (request, pledge)
 * pair.
 */
record RequestFacts(TransplantRequest request, PatientProfile profile, PatientRequest patient) {

    /**
     * @param centre the verified place of the centre the patient is listed at; empty only for a
     *     request listed before centres existed, which is measured from the profile's hospital
     */
    static RequestFacts of(
            TransplantRequest request,
            PatientProfile profile,
            Optional<Coordinates> centre,
            Instant asOf) {
        Demographics person = profile.person();
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        PatientRequest patient =
                new PatientRequest(
                        request.id().toString(),
                        request.organ(),
                        person.bloodGroup(),
                        profile.hla(),
                        profile.unacceptableAntigens(),
                        centre.orElse(profile.hospital().location().coordinates()),
                        request.urgency(),
                        heartStatus(request),
                        liverLabs(request, person),
                        new BodySize(
                                person.ageOn(today),
                                person.sex(),
                                person.heightCm(),
                                person.weightKg()),
                        request.listedAt(),
                        request.listedAt());
        return new RequestFacts(request, profile, patient);
    }

    private static HeartStatus heartStatus(TransplantRequest request) {
        return request.scores() == null ? null : request.scores().heartStatus();
    }

    /** Stored in canonical units (mg/dL, g/dL), as the formulas take them. */
    private static LiverLabs liverLabs(TransplantRequest request, Demographics person) {
        if (!(request.clinical() instanceof LiverValues v)) {
            return null;
        }
        return new LiverLabs(
                v.bilirubin().value(),
                v.inr(),
                v.creatinine().value(),
                v.sodium(),
                v.albumin() == null ? null : v.albumin().value(),
                Boolean.TRUE.equals(v.dialysedTwiceInPastWeek()),
                person.sex());
    }
}
