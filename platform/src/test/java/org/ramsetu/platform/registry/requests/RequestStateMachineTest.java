package org.ramsetu.platform.registry.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.platform.registry.requests.RequestAction.CHANGE_CLINICAL_VALUES;
import static org.ramsetu.platform.registry.requests.RequestAction.MARK_MATCHED;
import static org.ramsetu.platform.registry.requests.RequestAction.MARK_TRANSPLANTED;
import static org.ramsetu.platform.registry.requests.RequestAction.REMOVE;
import static org.ramsetu.platform.registry.requests.RequestAction.VERIFY;
import static org.ramsetu.platform.registry.requests.RequestStatus.MATCHED;
import static org.ramsetu.platform.registry.requests.RequestStatus.PENDING_VERIFICATION;
import static org.ramsetu.platform.registry.requests.RequestStatus.REMOVED;
import static org.ramsetu.platform.registry.requests.RequestStatus.TRANSPLANTED;
import static org.ramsetu.platform.registry.requests.RequestStatus.WAITING;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ramsetu.platform.registry.common.TransitionRefused;

/** Every (status, action) pair of a transplant request, against the life cycle of the issue. */
class RequestStateMachineTest {

    private static final Map<RequestStatus, Map<RequestAction, RequestStatus>> ALLOWED =
            Map.of(
                    PENDING_VERIFICATION,
                            Map.of(
                                    VERIFY,
                                    WAITING,
                                    REMOVE,
                                    REMOVED,
                                    CHANGE_CLINICAL_VALUES,
                                    PENDING_VERIFICATION),
                    WAITING,
                            Map.of(
                                    MARK_MATCHED,
                                    MATCHED,
                                    REMOVE,
                                    REMOVED,
                                    CHANGE_CLINICAL_VALUES,
                                    PENDING_VERIFICATION),
                    MATCHED, Map.of(MARK_TRANSPLANTED, TRANSPLANTED, REMOVE, REMOVED),
                    TRANSPLANTED, Map.of(),
                    REMOVED, Map.of());

    static Stream<Arguments> everyStatusAndAction() {
        return Stream.of(RequestStatus.values())
                .flatMap(s -> Stream.of(RequestAction.values()).map(a -> Arguments.of(s, a)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndAction")
    void eachActionLeadsWhereTheLifeCycleSaysOrIsRefusedNamingTheStatus(
            RequestStatus status, RequestAction action) {
        RequestStatus expected = ALLOWED.get(status).get(action);

        if (expected != null) {
            assertThat(RequestStateMachine.next(status, action)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> RequestStateMachine.next(status, action))
                    .isInstanceOf(TransitionRefused.class)
                    .hasMessageContaining("the transplant request is " + status.name())
                    .hasMessageContaining(action.pastParticiple());
        }
    }

    @ParameterizedTest(name = "{0} is stored as {1}")
    @MethodSource("codes")
    void everyStatusFitsTheStatusColumnAndReadsBackAsItself(RequestStatus status, String code) {
        assertThat(status.stored()).isEqualTo(code).hasSizeLessThanOrEqualTo(12);
        assertThat(RequestStatus.ofStored(code)).isEqualTo(status);
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(PENDING_VERIFICATION, "PENDING"),
                Arguments.of(WAITING, "WAITING"),
                Arguments.of(MATCHED, "MATCHED"),
                Arguments.of(TRANSPLANTED, "TRANSPLANTED"),
                Arguments.of(REMOVED, "REMOVED"));
    }

    @ParameterizedTest(name = "{0} is open: {1}")
    @MethodSource("openness")
    void onlyPendingWaitingAndMatchedRequestsAreOpen(RequestStatus status, boolean open) {
        assertThat(RequestStateMachine.OPEN.contains(status)).isEqualTo(open);
    }

    static Stream<Arguments> openness() {
        return Stream.of(
                Arguments.of(PENDING_VERIFICATION, true),
                Arguments.of(WAITING, true),
                Arguments.of(MATCHED, true),
                Arguments.of(TRANSPLANTED, false),
                Arguments.of(REMOVED, false));
    }
}
