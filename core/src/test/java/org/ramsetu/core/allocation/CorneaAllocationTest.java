package org.ramsetu.core.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.core.allocation.Allocations.POLICY;
import static org.ramsetu.core.allocation.Allocations.cornea;
import static org.ramsetu.core.allocation.Allocations.donor;
import static org.ramsetu.core.allocation.Allocations.order;
import static org.ramsetu.core.allocation.Allocations.rank;
import static org.ramsetu.core.fixtures.Fixtures.DELHI;
import static org.ramsetu.core.fixtures.Fixtures.MUMBAI;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ramsetu.core.organ.Organ;

/** Cornea: waiting time first, then distance (ABO is not a criterion). */
class CorneaAllocationTest {

    @Test
    void longerWaitingComesFirstEvenFromFarther() {
        var farLonger = cornea("R-delhi-500d", DELHI, 500);
        var nearShorter = cornea("R-mumbai-100d", MUMBAI, 100);

        var result =
                rank(POLICY, donor(Organ.CORNEA, "AB-", null), List.of(nearShorter, farLonger));

        assertThat(order(result)).containsExactly("R-delhi-500d", "R-mumbai-100d");
        assertThat(result.ranked().get(0).abo().name()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void atEqualWaitingTimeTheNearerComesFirst() {
        var far = cornea("R-delhi", DELHI, 200);
        var near = cornea("R-mumbai", MUMBAI, 200);

        var result = rank(POLICY, donor(Organ.CORNEA, "O+", null), List.of(far, near));

        assertThat(order(result)).containsExactly("R-mumbai", "R-delhi");
    }
}
