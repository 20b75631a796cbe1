package org.ramsetu.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.allocation.Allocations.POLICY;
import static org.ramsetu.core.allocation.Allocations.donor;
import static org.ramsetu.core.allocation.Allocations.heart;
import static org.ramsetu.core.allocation.Allocations.order;
import static org.ramsetu.core.allocation.Allocations.rank;
import static org.ramsetu.core.fixtures.Fixtures.CHENNAI;
import static org.ramsetu.core.fixtures.Fixtures.DELHI;
import static org.ramsetu.core.fixtures.Fixtures.MUMBAI;
import static org.ramsetu.core.fixtures.Fixtures.PUNE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.patient.HeartStatus;

/** Heart: status tier first (OPTN Policy 6), then distance band, then points. */
class HeartAllocationTest {

    @Test
    void statusOneBeatsStatusTwoWhateverTheDistanceAndWaitingTime() {
        var far = heart("R-status1-delhi", HeartStatus.STATUS_1, DELHI, 1);
        var near = heart("R-status2-pune", HeartStatus.STATUS_2, PUNE, 3000);

        var result = rank(POLICY, donor(Organ.HEART, "O+", null), List.of(near, far));

        assertThat(order(result)).containsExactly("R-status1-delhi", "R-status2-pune");
        assertThat(result.ranked().get(0).explanation())
                .startsWith("#1 R-status1-delhi/D1: status 1, ≤1500 km;");
    }

    @Test
    void withinATierTheNearerDistanceBandComesFirstWhateverThePoints() {
        // Chennai (≈910 km, band ≤1000) has waited eight years; Mumbai (≈120 km, band ≤250) a day.
        var farLongWait = heart("R-chennai", HeartStatus.STATUS_3, CHENNAI, 3000);
        var nearShortWait = heart("R-mumbai", HeartStatus.STATUS_3, MUMBAI, 1);

        var result =
                rank(POLICY, donor(Organ.HEART, "O+", null), List.of(farLongWait, nearShortWait));

        assertThat(order(result)).containsExactly("R-mumbai", "R-chennai");
        assertThat(result.ranked().get(1).points().total())
                .as("the far candidate has more points: only the band puts it second")
                .isGreaterThan(result.ranked().get(0).points().total());
        assertThat(result.ranked().get(0).groups().get(1).label()).isEqualTo("≤250 km");
    }

    @Test
    void withinATierAndBandMorePointsComeFirst() {
        var shorter = heart("R-short", HeartStatus.STATUS_4, MUMBAI, 10);
        var longer = heart("R-long", HeartStatus.STATUS_4, MUMBAI, 400);

        var result = rank(POLICY, donor(Organ.HEART, "O+", null), List.of(shorter, longer));

        assertThat(order(result)).containsExactly("R-long", "R-short");
    }
}
