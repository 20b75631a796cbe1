package org.ramsetu.platform.registry.requests;

import java.util.EnumSet;
import java.util.Set;
import org.ramsetu.platform.registry.common.TransitionRefused;
import org.ramsetu.platform.registry.common.TransitionTable;

/**
 * The life cycle of a transplant request: {@code PENDING_VERIFICATION → WAITING → MATCHED →
 * TRANSPLANTED}, and {@code PENDING_VERIFICATION|WAITING|MATCHED → REMOVED} by a coordinator with a
 * reason. Only a coordinator of the patient's centre verifies ({@code PENDING_VERIFICATION →
 * WAITING}); a change of clinical values by the patient sends a pending or waiting request back to
 * {@code PENDING_VERIFICATION}. {@code TRANSPLANTED} and {@code REMOVED} are final.
 */
public final class RequestStateMachine {

    /** Requests still on the list: at most one per patient and organ. */
    public static final Set<RequestStatus> OPEN =
            EnumSet.of(
                    RequestStatus.PENDING_VERIFICATION,
                    RequestStatus.WAITING,
                    RequestStatus.MATCHED);

    private static final TransitionTable<RequestStatus, RequestAction> TABLE =
            TransitionTable.of("transplant request", RequestStatus.class, RequestAction.class)
                    .allow(
                            RequestStatus.PENDING_VERIFICATION,
                            RequestAction.VERIFY,
                            RequestStatus.WAITING)
                    .allow(
                            RequestStatus.PENDING_VERIFICATION,
                            RequestAction.REMOVE,
                            RequestStatus.REMOVED)
                    .allow(
                            RequestStatus.PENDING_VERIFICATION,
                            RequestAction.CHANGE_CLINICAL_VALUES,
                            RequestStatus.PENDING_VERIFICATION)
                    .allow(
                            RequestStatus.WAITING,
                            RequestAction.CHANGE_CLINICAL_VALUES,
                            RequestStatus.PENDING_VERIFICATION)
                    .allow(RequestStatus.WAITING, RequestAction.MARK_MATCHED, RequestStatus.MATCHED)
                    .allow(RequestStatus.WAITING, RequestAction.REMOVE, RequestStatus.REMOVED)
                    .allow(
                            RequestStatus.MATCHED,
                            RequestAction.MARK_TRANSPLANTED,
                            RequestStatus.TRANSPLANTED)
                    .allow(RequestStatus.MATCHED, RequestAction.REMOVE, RequestStatus.REMOVED);

    private RequestStateMachine() {}

    /**
     * @throws TransitionRefused when the request's status does not allow the action
     */
    public static RequestStatus next(RequestStatus current, RequestAction action) {
        return TABLE.next(current, action);
    }
}
