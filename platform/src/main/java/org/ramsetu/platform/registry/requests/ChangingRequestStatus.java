package org.ramsetu.platform.registry.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.common.ListingTransitions;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves transplant requests through their life cycle ({@link RequestStateMachine}), each change in
 * one transaction with what listens to {@link RequestStatusChanged} (its audit entry, the patient's
 * e-mail). Every change is a coordinator's (directly, or through the matching workflow, which calls
 * {@link #markMatched} and {@link #markTransplanted} inside its own transaction).
 */
@NamedInterface("requests")
public class ChangingRequestStatus {

    static final int MAX_REASON = 1000;

    private final TransplantRequests requests;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ChangingRequestStatus(
            TransplantRequests requests,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.requests = requests;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A coordinator takes a waiting or matched request off the list.
     *
     * @throws DomainException InvalidInput without a reason
     */
    public TransplantRequestView remove(
            CurrentUser coordinator, UUID id, String reason, ExpectedVersion expected) {
        String checked = Fields.optionalText("reason", reason, MAX_REASON);
        if (checked == null) {
            throw InvalidInput.field(
                    "reason", "is required: the patient is told why the request was removed");
        }
        return change(coordinator, id, RequestAction.REMOVE, checked, expected);
    }

    /**
     * For the matching workflow: an approved match took this waiting request. Joins the caller's
     * transaction, so the request is {@code MATCHED} exactly when the match commits.
     *
     * @throws DomainException NotFound for an unknown request, Conflict unless it is {@code
     *     WAITING} (or when it changed after the version the caller names)
     */
    public TransplantRequestView markMatched(
            CurrentUser coordinator, RequestId request, ExpectedVersion expected) {
        return change(coordinator, request.value(), RequestAction.MARK_MATCHED, null, expected);
    }

    /** For the matching workflow: the matched transplant took place. */
    public TransplantRequestView markTransplanted(
            CurrentUser coordinator, RequestId request, ExpectedVersion expected) {
        return change(
                coordinator, request.value(), RequestAction.MARK_TRANSPLANTED, null, expected);
    }

    private TransplantRequestView change(
            CurrentUser coordinator,
            UUID id,
            RequestAction action,
            String reason,
            ExpectedVersion expected) {
        coordinator.requireCoordinator("change a transplant request");
        return tx.execute(
                status -> {
                    TransplantRequest current =
                            requests.find(id)
                                    .orElseThrow(
                                            () -> new NotFound(ReadingTransplantRequests.KIND, id));
                    Instant now = Sql.now(clock);
                    TransplantRequest changed =
                            ListingTransitions.apply(
                                    current,
                                    expected,
                                    RequestStateMachine::next,
                                    action,
                                    next -> current.movedTo(next, reason, coordinator.id(), now),
                                    requests::update);
                    events.publishEvent(
                            new RequestStatusChanged(
                                    changed, current.status(), coordinator, reason));
                    return TransplantRequestView.of(requests.findListing(id).orElseThrow(), now);
                });
    }
}
