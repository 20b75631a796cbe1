package org.ramsetu.core.scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;

/** The band edges of the OPTN MELD recertification schedule, and the setting for other organs. */
class LabRecertificationTest {

    private static final Instant REPORTED = Instant.parse("2026-01-10T06:00:00Z");

    @Test
    void liverBandsAtTheirEdges() {
        assertThat(LabRecertification.liverValidity(40)).isEqualTo(Duration.ofDays(7));
        assertThat(LabRecertification.liverValidity(25)).isEqualTo(Duration.ofDays(7));
        assertThat(LabRecertification.liverValidity(24)).isEqualTo(Duration.ofDays(30));
        assertThat(LabRecertification.liverValidity(19)).isEqualTo(Duration.ofDays(30));
        assertThat(LabRecertification.liverValidity(18)).isEqualTo(Duration.ofDays(90));
        assertThat(LabRecertification.liverValidity(11)).isEqualTo(Duration.ofDays(90));
        assertThat(LabRecertification.liverValidity(10)).isEqualTo(Duration.ofDays(365));
        assertThat(LabRecertification.liverValidity(6)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void dueDateIsReportTimePlusValidity() {
        assertThat(LabRecertification.STANDARD.dueAt(Organ.LIVER, 30, REPORTED))
                .isEqualTo(Instant.parse("2026-01-17T06:00:00Z"));
        assertThat(LabRecertification.STANDARD.dueAt(Organ.LIVER, 15, REPORTED))
                .isEqualTo(Instant.parse("2026-04-10T06:00:00Z"));
    }

    @Test
    void otherOrgansFollowTheSettingAndIgnoreMeld() {
        LabRecertification halfYear = new LabRecertification(Duration.ofDays(180));
        assertThat(halfYear.dueAt(Organ.KIDNEY, null, REPORTED))
                .isEqualTo(REPORTED.plus(Duration.ofDays(180)));
        assertThat(halfYear.dueAt(Organ.HEART, 35, REPORTED))
                .isEqualTo(REPORTED.plus(Duration.ofDays(180)));
        assertThat(LabRecertification.STANDARD.validity(Organ.CORNEA, null))
                .isEqualTo(Duration.ofDays(365));
    }

    @Test
    void theHigherOfTheTwoMeldScoresPicksTheBand() {
        assertThat(LabRecertification.bandMeld(22, 25)).isEqualTo(25);
        assertThat(LabRecertification.bandMeld(30, 28)).isEqualTo(30);
        assertThat(LabRecertification.bandMeld(null, 12)).isEqualTo(12);
        assertThat(LabRecertification.bandMeld(null, null)).isNull();
    }

    @Test
    void refusesALiverWithoutMeldAndANonPositiveSetting() {
        assertThatThrownBy(() -> LabRecertification.STANDARD.validity(Organ.LIVER, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabRecertification(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
