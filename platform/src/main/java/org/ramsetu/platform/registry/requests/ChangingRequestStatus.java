package org.ramsetu.platform.registry.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.ramsetu.core.Require;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
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

    static final int MAX_EVIDENCE = 1000;

    private final TransplantRequests requests;
    private final ListingCentres centres;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ChangingRequestStatus(
            TransplantRequests requests,
            ListingCentres centres,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.requests = requests;
        this.centres = centres;
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
     * A coordinator of the patient's centre has checked the request's clinical values (labs and
     * their dates, dialysis start, heart status) and sets its urgency, the clinical status the
     * centre stands behind, with what it rests on: {@code PENDING_VERIFICATION → WAITING}. A
     * request that names no centre is taken on by the verifying coordinator's centre, which must
     * transplant the organ.
     *
     * @throws DomainException InvalidInput without an urgency in range or without evidence;
     *     Forbidden for a coordinator who works for no centre or for another centre than the
     *     request's; Conflict unless it is {@code PENDING_VERIFICATION} or when it changed after
     *     the version named
     */
    public TransplantRequestView verify(
            CurrentUser coordinator,
            UUID id,
            Integer urgency,
            String evidence,
            ExpectedVersion expected) {
        coordinator.requireCoordinator("verify a transplant request");
        int checkedUrgency = Fields.required("urgency", urgency);
        Require.inRange(
                "urgency",
                checkedUrgency,
                CreateTransplantRequest.MIN_URGENCY,
                CreateTransplantRequest.MAX_URGENCY,
                "");
        String checkedEvidence = Fields.optionalText("evidence", evidence, MAX_EVIDENCE);
        if (checkedEvidence == null) {
            throw InvalidInput.field(
                    "evidence",
                    "is required: what the urgency rests on (e.g. the assessment, the lab values"
                            + " and their dates), for the audit trail");
        }
        TransplantCentreId centre =
                centres.employerOf(new AccountId(coordinator.id()))
                        .orElseThrow(
                                () ->
                                        new Forbidden(
                                                "not-a-centre-coordinator",
                                                "only a coordinator of a transplant centre verifies"
                                                        + " its patients' requests; you work for"
                                                        + " no centre"));
        return tx.execute(
                status -> {
                    TransplantRequest current = requests.existing(id);
                    if (current.centreId() != null && !current.centreId().equals(centre.value())) {
                        throw new Forbidden(
                                "another-centre",
                                "this request is listed at another centre; only its coordinators"
                                        + " verify it");
                    }
                    if (current.centreId() == null
                            && !centres.transplants(centre, current.organ())) {
                        throw new Conflict(
                                "no-programme",
                                "your centre has no "
                                        + current.organ()
                                        + " programme in the register of centres, so it cannot"
                                        + " take this request on");
                    }
                    Instant now = Sql.now(clock);
                    TransplantRequest.Verification check =
                            new TransplantRequest.Verification(
                                    now, coordinator.id(), checkedEvidence);
                    TransplantRequest changed =
                            ListingTransitions.apply(
                                    current,
                                    expected,
                                    RequestStateMachine::next,
                                    RequestAction.VERIFY,
                                    next ->
                                            current.verifiedBy(
                                                    next, centre.value(), checkedUrgency, check),
                                    requests::updateVerified);
                    events.publishEvent(
                            new RequestStatusChanged(changed, current.status(), coordinator, null));
                    return TransplantRequestView.of(requests.findListing(id).orElseThrow(), now);
                });
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
                    TransplantRequest current = requests.existing(id);
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
