package org.ramsetu.platform.allocation.offers;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.allocation.runs.AllocationRuns;
import org.ramsetu.platform.audit.AuditActions;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.Page;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.RequestPatientNames;
import org.ramsetu.platform.security.CurrentUser;

/** What coordinators read of offers: a run's offering, and a centre's offers to answer. */
public class ReadingOffers {

    /** The longest search text: more than any name or address part a coordinator types. */
    static final int MAX_SEARCH = 100;

    /** More of a centre's patients than a search that should narrow them may find. */
    private static final int MAX_FOUND = 5_000;

    private final OfferRows rows;
    private final AllocationRuns runs;
    private final ListingCentres centres;
    private final RequestPatientNames patientNames;
    private final AuditLog audit;

    ReadingOffers(
            OfferRows rows,
            AllocationRuns runs,
            ListingCentres centres,
            RequestPatientNames patientNames,
            AuditLog audit) {
        this.rows = rows;
        this.runs = runs;
        this.centres = centres;
        this.patientNames = patientNames;
        this.audit = audit;
    }

    /**
     * @throws DomainException NotFound for anyone but a coordinator, for an unknown run, or for a
     *     run no offer was made from
     */
    public OfferSequenceView ofRun(CurrentUser user, UUID runId) {
        if (!user.isCoordinator() || runs.ownerOf(runId).isEmpty()) {
            throw new NotFound(AllocationAuditActions.RUN, runId);
        }
        OfferSequence sequence =
                rows.ofRun(runId)
                        .orElseThrow(
                                () ->
                                        new NotFound(
                                                "offers of " + AllocationAuditActions.RUN, runId));
        return OfferSequenceView.of(sequence, rows.offers(sequence.id()));
    }

    /**
     * A page of the offers made to the caller's centre, each naming its patient (so each row read
     * is audited): those awaiting an answer, soonest deadline first ({@code open}, the default), or
     * every offer, newest first ({@code all}); with how many there are.
     *
     * @param status {@code open} (the default) or {@code all}
     * @param search a part of the patient's name or e-mail address, any case; null for every offer
     * @throws DomainException Forbidden for a coordinator of no centre, NotFound for anyone else,
     *     InvalidInput for another status, a search over {@link #MAX_SEARCH} characters or on
     *     several lines
     */
    public Page<OfferView> ofMyCentre(
            CurrentUser user, @Nullable String status, @Nullable String search, PageRequest page) {
        if (!user.isCoordinator()) {
            throw new NotFound("organ offers", "of your centre");
        }
        boolean openOnly;
        if (status == null || status.equals("open")) {
            openOnly = true;
        } else if (status.equals("all")) {
            openOnly = false;
        } else {
            throw InvalidInput.field("status", "must be open or all");
        }
        String text = Fields.optionalLine("q", search, MAX_SEARCH);
        TransplantCentreId centreId = centreOf(user);
        UUID centre = centreId.value();
        @Nullable List<UUID> requests =
                text == null
                        ? null
                        : patientNames
                                .atCentreNamed(centreId, text.toLowerCase(Locale.ROOT), MAX_FOUND)
                                .stream()
                                .map(RequestId::value)
                                .toList();
        Page<OrganOffer> listed =
                Page.of(
                        rows.ofCentre(centre, openOnly, requests, page.after(), page.limit()),
                        page.limit(),
                        o -> new Cursor(openOnly ? o.respondBy() : o.offeredAt(), o.id()));
        Map<RequestId, String> names =
                patientNames.of(
                        listed.items().stream().map(o -> new RequestId(o.requestId())).toList());
        // Each row names a patient: read like the offer's record, and audited the same way.
        listed.items().forEach(o -> audited(user, o.id()));
        Map<UUID, OfferSequence> sequences = new HashMap<>();
        return listed.map(
                        o ->
                                OfferView.of(
                                        sequences.computeIfAbsent(
                                                o.sequenceId(),
                                                id -> rows.sequence(id).orElseThrow()),
                                        o,
                                        names.get(new RequestId(o.requestId()))))
                .withTotal(rows.countOfCentre(centre, openOnly, requests));
    }

    /**
     * One offer (its record): any coordinator may read it, as the run's offering shows it; the
     * coordinators of the patient's centre see the patient's name too, and that read is audited.
     *
     * @throws DomainException NotFound for anyone but a coordinator or for an unknown offer
     */
    public OfferView one(CurrentUser user, UUID id) {
        OrganOffer offer =
                rows.offer(id)
                        .filter(o -> user.isCoordinator())
                        .orElseThrow(() -> new NotFound(AllocationAuditActions.OFFER, id));
        OfferSequence sequence = rows.sequence(offer.sequenceId()).orElseThrow();
        boolean ownCentre =
                centres.employerOf(new AccountId(user.id()))
                        .filter(c -> c.value().equals(offer.centreId()))
                        .isPresent();
        if (!ownCentre) {
            return OfferView.of(sequence, offer);
        }
        audited(user, id);
        RequestId request = new RequestId(offer.requestId());
        return OfferView.of(sequence, offer, patientNames.of(List.of(request)).get(request));
    }

    private void audited(CurrentUser user, UUID offer) {
        audit.record(
                AuditEntry.of(AuditActions.MEDICAL_RECORD_READ, AuditOutcome.SUCCESS)
                        .by(user.id(), user.role())
                        .on(AllocationAuditActions.OFFER, offer));
    }

    private TransplantCentreId centreOf(CurrentUser user) {
        return centres.employerOf(new AccountId(user.id()))
                .orElseThrow(
                        () ->
                                new Forbidden(
                                        "not-a-centre-coordinator",
                                        "offers are made to transplant centres; you work for no"
                                                + " centre"));
    }
}
