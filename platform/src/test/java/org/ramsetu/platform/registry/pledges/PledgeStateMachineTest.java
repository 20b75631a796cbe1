package org.ramsetu.platform.registry.pledges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.core.donor.PledgeStatus.DONATED;
import static org.ramsetu.core.donor.PledgeStatus.PENDING;
import static org.ramsetu.core.donor.PledgeStatus.REJECTED;
import static org.ramsetu.core.donor.PledgeStatus.VERIFIED;
import static org.ramsetu.core.donor.PledgeStatus.WITHDRAWN;
import static org.ramsetu.platform.registry.pledges.PledgeAction.CLOSE_ON_DEATH;
import static org.ramsetu.platform.registry.pledges.PledgeAction.MARK_DONATED;
import static org.ramsetu.platform.registry.pledges.PledgeAction.REJECT;
import static org.ramsetu.platform.registry.pledges.PledgeAction.UNDO_VERIFY;
import static org.ramsetu.platform.registry.pledges.PledgeAction.VERIFY;
import static org.ramsetu.platform.registry.pledges.PledgeAction.WITHDRAW;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.registry.common.TransitionRefused;

/** Every (status, action) pair of a pledge, against the life cycle as docs/domain.md states it. */
class PledgeStateMachineTest {

    /**
     * Written out from docs/domain.md and the issue, not derived from the implementation's table.
     */
    private static final Map<PledgeStatus, Map<PledgeAction, PledgeStatus>> ALLOWED =
            Map.of(
                    PENDING,
                            Map.of(
                                    VERIFY, VERIFIED,
                                    REJECT, REJECTED,
                                    WITHDRAW, WITHDRAWN,
                                    CLOSE_ON_DEATH, REJECTED),
                    VERIFIED,
                            Map.of(
                                    UNDO_VERIFY, PENDING,
                                    MARK_DONATED, DONATED,
                                    REJECT, REJECTED,
                                    WITHDRAW, WITHDRAWN,
                                    CLOSE_ON_DEATH, DONATED),
                    REJECTED, Map.of(),
                    DONATED, Map.of(),
                    WITHDRAWN, Map.of());

    static Stream<Arguments> everyStatusAndAction() {
        return Stream.of(PledgeStatus.values())
                .flatMap(s -> Stream.of(PledgeAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndAction")
    void eachActionLeadsWhereTheLifeCycleSaysOrIsRefusedNamingTheStatus(
            PledgeStatus status, PledgeAction action) {
        PledgeStatus expected = ALLOWED.get(status).get(action);

        if (expected != null) {
            assertThat(PledgeStateMachine.next(status, action)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> PledgeStateMachine.next(status, action))
                    .isInstanceOf(TransitionRefused.class)
                    .hasMessageContaining("the pledge is " + status.name())
                    .hasMessageContaining(action.pastParticiple())
                    .satisfies(
                            e -> assertThat(((TransitionRefused) e).current()).isEqualTo(status));
        }
    }

    @ParameterizedTest(name = "{0} is open: {1}")
    @MethodSource("openness")
    void onlyPendingAndVerifiedPledgesAreOpen(PledgeStatus status, boolean open) {
        assertThat(PledgeStateMachine.OPEN.contains(status)).isEqualTo(open);
    }

    static Stream<Arguments> openness() {
        return Stream.of(
                Arguments.of(PENDING, true),
                Arguments.of(VERIFIED, true),
                Arguments.of(REJECTED, false),
                Arguments.of(DONATED, false),
                Arguments.of(WITHDRAWN, false));
    }
}
