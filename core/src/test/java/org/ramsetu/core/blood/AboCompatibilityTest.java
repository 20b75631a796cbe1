package org.ramsetu.core.blood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.blood.AboMatch.COMPATIBLE;
import static org.ramsetu.core.blood.AboMatch.IDENTICAL;
import static org.ramsetu.core.blood.AboMatch.INCOMPATIBLE;
import static org.ramsetu.core.blood.AboMatch.NOT_APPLICABLE;

import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;

/**
 * All 16 donor/recipient ABO pairs per organ, written out as the docs/domain.md table (OPTN
 * Policies 6, 8, 9). Rows: donor O, A, B, AB; columns: recipient O, A, B, AB.
 */
class AboCompatibilityTest {
    private static final Abo[] ORDER = {Abo.O, Abo.A, Abo.B, Abo.AB};

    @Test
    void kidneyRestrictsOAndBDonorsToIdenticalRecipients() {
        assertTable(
                Organ.KIDNEY,
                false,
                new AboMatch[][] {
                    {IDENTICAL, INCOMPATIBLE, INCOMPATIBLE, INCOMPATIBLE},
                    {INCOMPATIBLE, IDENTICAL, INCOMPATIBLE, COMPATIBLE},
                    {INCOMPATIBLE, INCOMPATIBLE, IDENTICAL, INCOMPATIBLE},
                    {INCOMPATIBLE, INCOMPATIBLE, INCOMPATIBLE, IDENTICAL},
                });
    }

    @Test
    void kidneyZeroMismatchCandidatesReceiveAnyCompatibleKidney() {
        assertTable(
                Organ.KIDNEY,
                true,
                new AboMatch[][] {
                    {IDENTICAL, COMPATIBLE, COMPATIBLE, COMPATIBLE},
                    {INCOMPATIBLE, IDENTICAL, INCOMPATIBLE, COMPATIBLE},
                    {INCOMPATIBLE, INCOMPATIBLE, IDENTICAL, COMPATIBLE},
                    {INCOMPATIBLE, INCOMPATIBLE, INCOMPATIBLE, IDENTICAL},
                });
    }

    @Test
    void liverAllowsEveryCompatiblePairWithIdenticalMarked() {
        AboMatch[][] liver = {
            {IDENTICAL, COMPATIBLE, COMPATIBLE, COMPATIBLE},
            {INCOMPATIBLE, IDENTICAL, INCOMPATIBLE, COMPATIBLE},
            {INCOMPATIBLE, INCOMPATIBLE, IDENTICAL, COMPATIBLE},
            {INCOMPATIBLE, INCOMPATIBLE, INCOMPATIBLE, IDENTICAL},
        };
        assertTable(Organ.LIVER, false, liver);
        assertTable(Organ.LIVER, true, liver);
    }

    @Test
    void heartFollowsStatusTierTable() {
        AboMatch[][] heart = {
            {IDENTICAL, INCOMPATIBLE, COMPATIBLE, INCOMPATIBLE},
            {INCOMPATIBLE, IDENTICAL, INCOMPATIBLE, COMPATIBLE},
            {INCOMPATIBLE, INCOMPATIBLE, IDENTICAL, COMPATIBLE},
            {INCOMPATIBLE, INCOMPATIBLE, INCOMPATIBLE, IDENTICAL},
        };
        assertTable(Organ.HEART, false, heart);
        assertTable(Organ.HEART, true, heart);
    }

    @Test
    void corneaIgnoresAbo() {
        for (Abo d : ORDER) {
            for (Abo r : ORDER) {
                assertThat(AboCompatibility.assess(Organ.CORNEA, d, r, false))
                        .isEqualTo(NOT_APPLICABLE);
            }
        }
    }

    @Test
    void rhIsNeverAnInput() {
        // The API takes Abo only; parse both Rh signs and confirm identical outcome.
        for (Organ organ : Organ.values()) {
            AboMatch pos =
                    AboCompatibility.assess(
                            organ,
                            BloodGroup.parse("O+").abo(),
                            BloodGroup.parse("O-").abo(),
                            false);
            AboMatch neg =
                    AboCompatibility.assess(
                            organ,
                            BloodGroup.parse("O-").abo(),
                            BloodGroup.parse("O+").abo(),
                            false);
            assertThat(pos).isEqualTo(neg).matches(AboMatch::eligible);
        }
    }

    private static void assertTable(Organ organ, boolean zeroMismatch, AboMatch[][] expected) {
        for (int d = 0; d < 4; d++) {
            for (int r = 0; r < 4; r++) {
                assertThat(AboCompatibility.assess(organ, ORDER[d], ORDER[r], zeroMismatch))
                        .as(
                                "%s donor %s → recipient %s (zero mismatch %s)",
                                organ, ORDER[d], ORDER[r], zeroMismatch)
                        .isEqualTo(expected[d][r]);
            }
        }
    }
}
