package org.ramsetu.platform.matching.matches;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Fields;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.records.ExpectedVersion;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.pledges.ChangingPledgeStatus;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.ChangingRequestStatus;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator approves or declines a proposed match. Approval is one transaction: the match
 * {@code APPROVED}, the pledge {@code DONATED}, the request {@code MATCHED}, the other open
 * proposals of that pledge and of that request declined; {@link MatchApproved}'s listeners audit
 * every step and mail every party in the same transaction. The pledge row and then the request row
 * are locked first, always in that order, so that of two approvals that share either exactly one
 * wins and the other is refused with 409 (never a deadlock).
 */
public class DecidingMatch {

    static final int MAX_NOTE = 1000;

    private final Matches matches;
    private final ChangingPledgeStatus pledges;
    private final ChangingRequestStatus requests;
    private final ListingLocks locks;
    private final MatchViews views;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DecidingMatch(
            Matches matches,
            ChangingPledgeStatus pledges,
            ChangingRequestStatus requests,
            ListingLocks locks,
            MatchViews views,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.matches = matches;
        this.pledges = pledges;
        this.requests = requests;
        this.locks = locks;
        this.views = views;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException NotFound unknown (or not visible), Forbidden not a coordinator,
     *     Conflict when the match is not {@code PROPOSED}, changed since {@code expected}, or its
     *     pledge or request moved on
     */
    public MatchView approve(CurrentUser user, UUID id, ExpectedVersion expected) {
        return tx.execute(
                status -> {
                    Match match = decidable(user, id, "approve matches");
                    locks.lockPledgeThenRequest(
                            new PledgeId(match.pledgeId()), new RequestId(match.requestId()));
                    Instant now = Sql.now(clock);
                    Match current = proposed(id, expected, "approved");
                    if (!matches.decide(
                            id,
                            current.version(),
                            MatchStatus.APPROVED,
                            null,
                            null,
                            user.id(),
                            now)) {
                        throw ExpectedVersion.stale();
                    }
                    pledges.markDonated(
                            user,
                            new PledgeId(current.pledgeId()),
                            ExpectedVersion.of(null, current.pledgeVersion()));
                    requests.markMatched(
                            user,
                            new RequestId(current.requestId()),
                            ExpectedVersion.of(null, current.requestVersion()));
                    List<Match> declined = new ArrayList<>();
                    declined.addAll(
                            matches.declineOthers(
                                    "pledge_id",
                                    current.pledgeId(),
                                    id,
                                    DeclineReason.ANOTHER_PATIENT_CHOSEN,
                                    user.id(),
                                    now));
                    declined.addAll(
                            matches.declineOthers(
                                    "request_id",
                                    current.requestId(),
                                    id,
                                    DeclineReason.ANOTHER_DONOR_CHOSEN,
                                    user.id(),
                                    now));
                    Match approved = matches.find(id).orElseThrow();
                    events.publishEvent(new MatchApproved(approved, user, declined));
                    return views.of(approved, user);
                });
    }

    /**
     * @throws DomainException InvalidInput without a coordinator's reason code or without the note
     *     {@code OTHER} needs; otherwise as {@link #approve}
     */
    public MatchView decline(
            CurrentUser user, UUID id, String reason, String note, ExpectedVersion expected) {
        DeclineReason code = reason(reason);
        String checkedNote = Fields.optionalText("note", note, MAX_NOTE);
        if (code == DeclineReason.OTHER && checkedNote == null) {
            throw InvalidInput.field(
                    "note", "is required with reason OTHER: say why the match was declined");
        }
        return tx.execute(
                status -> {
                    decidable(user, id, "decline matches");
                    Match current = proposed(id, expected, "declined");
                    Instant now = Sql.now(clock);
                    if (!matches.decide(
                            id,
                            current.version(),
                            MatchStatus.DECLINED,
                            code,
                            checkedNote,
                            user.id(),
                            now)) {
                        throw ExpectedVersion.stale();
                    }
                    Match declined = matches.find(id).orElseThrow();
                    events.publishEvent(new MatchDeclined(declined, user));
                    return views.of(declined, user);
                });
    }

    private Match decidable(CurrentUser user, UUID id, String action) {
        Match match = matches.find(id).orElseThrow(() -> new NotFound("match", id));
        CoordinatorOnly.require(
                user, match.visibleTo(user.id(), user.isCoordinator()), "match", id, action);
        return match;
    }

    /** The match as it is now (after the locks), which must still be open. */
    private Match proposed(UUID id, ExpectedVersion expected, String verb) {
        Match current = matches.find(id).orElseThrow(() -> new NotFound("match", id));
        if (current.status() != MatchStatus.PROPOSED) {
            throw new Conflict(
                    "illegal-transition",
                    "the match is "
                            + current.status()
                            + ", so it cannot be "
                            + verb
                            + "; only PROPOSED matches are decided"
                            + (current.status() == MatchStatus.SUPERSEDED
                                    ? " (a newer match run for the request replaced it: "
                                            + current.supersededByRun()
                                            + ")"
                                    : ""));
        }
        expected.check(current.version());
        return current;
    }

    private static DeclineReason reason(String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.field(
                    "reason",
                    "is required: one of " + String.join(", ", DeclineReason.coordinatorCodes()));
        }
        try {
            DeclineReason r = DeclineReason.valueOf(text.strip().toUpperCase(Locale.ROOT));
            if (r.byCoordinator()) {
                return r;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw InvalidInput.field(
                "reason",
                "must be one of "
                        + String.join(", ", DeclineReason.coordinatorCodes())
                        + " (was "
                        + text
                        + ")");
    }
}
