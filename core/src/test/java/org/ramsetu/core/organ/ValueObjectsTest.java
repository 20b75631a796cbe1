package org.ramsetu.core.organ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.donor.DonorOffer;
import org.ramsetu.core.fixtures.Fixtures;
import org.ramsetu.core.patient.HeartStatus;
import org.ramsetu.core.patient.PatientRequest;
import org.ramsetu.core.scores.BodySize;
import org.ramsetu.core.scores.KidneyDonorFactors;
import org.ramsetu.core.scores.Sex;

/** Invalid values cannot be constructed, and the error names the field an API must report. */
class ValueObjectsTest {

    @Test
    void organParsesCaseInsensitively() {
        assertThat(Organ.parse(" Kidney ")).isEqualTo(Organ.KIDNEY);
        assertThat(Organ.parse("CORNEA")).isEqualTo(Organ.CORNEA);
        assertThatThrownBy(() -> Organ.parse("lung"))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("kidney, liver, heart, cornea");
    }

    @Test
    void offerWhoseTestsAreForAnotherOrganIsRejected() {
        DonorOffer d = Fixtures.donor("D1", Organ.KIDNEY, "O+");
        assertThatThrownBy(
                        () ->
                                new DonorOffer(
                                        "D1",
                                        Organ.LIVER,
                                        d.bloodGroup(),
                                        d.hla(),
                                        d.hospital(),
                                        d.pledgeStatus(),
                                        d.registeredAt(),
                                        0,
                                        d.body(),
                                        d.tests()))
                .isInstanceOf(InvalidClinicalValueException.class)
                .extracting(e -> ((InvalidClinicalValueException) e).field())
                .isEqualTo("tests");
    }

    @Test
    void urgencyHeartStatusAndDatesAreBounded() {
        PatientRequest p = Fixtures.patient("P1", Organ.KIDNEY, "O+");
        assertThatThrownBy(() -> withUrgencyAndListing(p, 6, p.listedAt()))
                .hasMessage("urgencyLevel must be between 1 and 5 (was 6)");
        assertThatThrownBy(() -> withUrgencyAndListing(p, 3, Instant.parse("2999-01-01T00:00:00Z")))
                .hasMessageContaining("listedAt must be between 1900-01-01 and 2200-01-01");
        assertThatThrownBy(() -> HeartStatus.of(8)).hasMessageContaining("heartStatus");
        assertThat(HeartStatus.of(1)).isEqualTo(HeartStatus.STATUS_1);
    }

    @Test
    void donorFactorsAndBodySizeRejectImplausibleNumbers() {
        assertThatThrownBy(() -> new KidneyDonorFactors(40, 300, 80, false, false, false, 1, false))
                .hasMessage("donor.height must be between 30 and 241.3 cm (was 300)");
        assertThatThrownBy(() -> new BodySize(40, Sex.MALE, 170, 0.5))
                .hasMessage("weight must be between 2 and 300 kg (was 0.5)");
    }

    /** {@code p} with the two bounded values under test, and no optional parts to fail first. */
    private static PatientRequest withUrgencyAndListing(
            PatientRequest p, int urgencyLevel, Instant listedAt) {
        return new PatientRequest(
                p.patientId(),
                p.organ(),
                p.bloodGroup(),
                p.hla(),
                null,
                p.hospital(),
                urgencyLevel,
                null,
                null,
                null,
                listedAt,
                p.registeredAt());
    }
}
