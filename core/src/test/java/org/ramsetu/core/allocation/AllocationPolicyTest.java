package org.ramsetu.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.InvalidClinicalValueException;
import org.ramsetu.core.organ.Organ;

/** A policy that cannot be applied cannot be built: each mistake is named. */
class AllocationPolicyTest {

    private static final PointWeights POINTS = new PointWeights(10, 0, 0, 10, 10, 1500, 10);

    @Test
    void aGroupThatDoesNotApplyToTheOrganIsRefused() {
        assertThatThrownBy(
                        () ->
                                new OrganRules(
                                        Organ.HEART,
                                        List.of(GroupKey.ZERO_MISMATCH),
                                        List.of(),
                                        null,
                                        null,
                                        POINTS))
                .isInstanceOf(InvalidClinicalValueException.class)
                .hasMessageContaining("heart.groups: ZERO_MISMATCH does not apply to HEART");
    }

    @Test
    void distanceBandsMustAscend() {
        assertThatThrownBy(
                        () ->
                                new OrganRules(
                                        Organ.LIVER,
                                        List.of(GroupKey.DISTANCE_BAND),
                                        List.of(500.0, 250.0),
                                        null,
                                        null,
                                        POINTS))
                .hasMessageContaining("liver.distanceBandsKm: band limits must ascend");
    }

    @Test
    void aMeldGroupNeedsAFormulaAndALongevityGroupItsLimits() {
        assertThatThrownBy(
                        () ->
                                new OrganRules(
                                        Organ.LIVER,
                                        List.of(GroupKey.MELD),
                                        List.of(),
                                        null,
                                        null,
                                        POINTS))
                .hasMessageContaining("liver.meld");
        assertThatThrownBy(
                        () ->
                                new OrganRules(
                                        Organ.KIDNEY,
                                        List.of(GroupKey.LONGEVITY),
                                        List.of(),
                                        null,
                                        null,
                                        POINTS))
                .hasMessageContaining("kidney.longevity");
    }

    @Test
    void everyOrganNeedsRulesAndTheIdItsForm() {
        Map<Organ, OrganRules> organs = new HashMap<>(Allocations.POLICY.organs());
        organs.remove(Organ.CORNEA);
        assertThatThrownBy(() -> new AllocationPolicy("allocation/x-1", "x", organs))
                .hasMessageContaining("no rules for CORNEA");
        assertThatThrownBy(
                        () -> new AllocationPolicy("ramsetu 1", "x", Allocations.POLICY.organs()))
                .hasMessageContaining("allocation/ramsetu-2026-1");
    }

    @Test
    void bandsCountFromTheNearest() {
        OrganRules heart = Allocations.HEART;
        assertThat(heart.band(0)).isZero();
        assertThat(heart.band(250)).isZero();
        assertThat(heart.band(251)).isEqualTo(1);
        assertThat(heart.band(5000)).isEqualTo(4);
        assertThat(heart.bandLabel(4)).isEqualTo(">1500 km");
    }
}
