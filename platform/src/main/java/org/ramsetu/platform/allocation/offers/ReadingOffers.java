package org.ramsetu.platform.allocation.offers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.allocation.runs.AllocationRuns;
import org.ramsetu.platform.centres.ListingCentres;
import org.ramsetu.platform.centres.TransplantCentreId;
import org.ramsetu.platform.identity.AccountId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Forbidden;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.security.CurrentUser;

/** What coordinators read of offers: a run's offering, and a centre's offers to answer. */
public class ReadingOffers {

    /** A centre's list shows at most this many offers. */
    static final int CENTRE_LIST = 200;

    private final OfferRows rows;
    private final AllocationRuns runs;
    private final ListingCentres centres;

    ReadingOffers(OfferRows rows, AllocationRuns runs, ListingCentres centres) {
        this.rows = rows;
        this.runs = runs;
        this.centres = centres;
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
     * The offers made to the caller's centre: those awaiting an answer first, soonest deadline
     * first, then the answered ones, newest first.
     *
     * @param status {@code open} (the default) or {@code all}
     * @throws DomainException Forbidden for a coordinator of no centre, NotFound for anyone else
     */
    public List<OfferView> ofMyCentre(CurrentUser user, String status) {
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
        TransplantCentreId centre =
                centres.employerOf(new AccountId(user.id()))
                        .orElseThrow(
                                () ->
                                        new Forbidden(
                                                "not-a-centre-coordinator",
                                                "offers are made to transplant centres; you work"
                                                        + " for no centre"));
        Map<UUID, OfferSequence> sequences = new HashMap<>();
        return rows.ofCentre(centre.value(), openOnly, CENTRE_LIST).stream()
                .map(
                        o ->
                                OfferView.of(
                                        sequences.computeIfAbsent(
                                                o.sequenceId(),
                                                id -> rows.sequence(id).orElseThrow()),
                                        o))
                .toList();
    }
}
