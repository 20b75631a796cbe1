package org.ramsetu.platform.matching.matches;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.FieldChecks;
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

    /** More than a run proposes; a longer list is a mistake, refused before any lock. */
    static final int MAX_PASSED_OVER = 50;

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
     * Approves a proposal. Passing over a better-ranked proposal is a clinical decision that must
     * be explained (as allocation bypass codes are): every proposal of the run ranked above this
     * one and still open needs a coded reason in {@code passedOver}, and is declined with it in
     * this transaction.
     *
     * @throws DomainException NotFound unknown (or not visible), Forbidden not a coordinator,
     *     InvalidInput when a proposal ranked above is still open without a reason (or an entry
     *     names something else), Conflict when the match is not {@code PROPOSED}, changed since
     *     {@code expected}, or its pledge or request moved on
     */
    public MatchView approve(
            CurrentUser user,
            UUID id,
            List<DecisionRequest.PassedOver> passedOver,
            ExpectedVersion expected) {
        List<Reasoned> reasons = passedOverReasons(passedOver);
        return tx.execute(
                status -> {
                    Match match = decidable(user, id, "approve matches");
                    locks.lockPledgeThenRequest(
                            new PledgeId(match.pledgeId()), new RequestId(match.requestId()));
                    Instant now = Sql.now(clock);
                    Match current = proposed(id, expected, "approved");
                    List<Match> declined = new ArrayList<>(passOver(current, reasons, user, now));
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
            CurrentUser user,
            UUID id,
            String reason,
            String note,
            List<DecisionRequest.PassedOver> passedOver,
            ExpectedVersion expected) {
        if (!passedOver.isEmpty()) {
            throw InvalidInput.field(
                    "passedOver", "is for approvals: a decline passes over nobody");
        }
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

    /** A passed-over proposal and its checked reason. */
    private record Reasoned(int index, UUID matchId, DeclineReason reason, String note) {}

    /**
     * Checked before any lock: every entry names a proposal and gives a coordinator's reason. All
     * wrong entries are named in one answer.
     */
    private static List<Reasoned> passedOverReasons(List<DecisionRequest.PassedOver> passedOver) {
        if (passedOver.size() > MAX_PASSED_OVER) {
            throw InvalidInput.field("passedOver", "has at most " + MAX_PASSED_OVER + " entries");
        }
        FieldChecks checks = new FieldChecks();
        List<Reasoned> checked = new ArrayList<>();
        for (int i = 0; i < passedOver.size(); i++) {
            DecisionRequest.PassedOver entry = passedOver.get(i);
            String path = "passedOver[" + i + "]";
            if (entry == null) {
                checks.refuse(path, "is required");
                continue;
            }
            if (entry.matchId() == null) {
                checks.refuse(path + ".matchId", "is required");
            }
            DeclineReason code = checks.check(() -> reason(path + ".reason", entry.reason()));
            String note =
                    checks.check(() -> Fields.optionalText(path + ".note", entry.note(), MAX_NOTE));
            if (code == DeclineReason.OTHER && note == null) {
                checks.refuse(
                        path + ".note", "is required with reason OTHER: say why it is passed over");
            }
            checked.add(new Reasoned(i, entry.matchId(), code, note));
        }
        checks.done();
        return checked;
    }

    /**
     * Declines, with their reasons, the run's open proposals ranked above {@code approved}; each
     * must have exactly one, and no entry may name anything else. Checked before anything is
     * written.
     */
    private List<Match> passOver(
            Match approved, List<Reasoned> reasons, CurrentUser user, Instant now) {
        List<Match> above =
                matches.ofRun(approved.runId()).stream()
                        .filter(m -> m.status() == MatchStatus.PROPOSED)
                        .filter(m -> m.rank() < approved.rank())
                        .toList();
        Map<UUID, Reasoned> byMatch = new HashMap<>();
        for (Reasoned r : reasons) {
            String field = "passedOver[" + r.index() + "].matchId";
            if (above.stream().noneMatch(m -> m.id().equals(r.matchId()))) {
                throw InvalidInput.field(
                        field, "is not an open proposal ranked above rank " + approved.rank());
            }
            if (byMatch.putIfAbsent(r.matchId(), r) != null) {
                throw InvalidInput.field(field, "names a proposal passed over already above");
            }
        }
        List<String> missing =
                above.stream()
                        .filter(m -> !byMatch.containsKey(m.id()))
                        .map(m -> "rank " + m.rank() + " (" + m.id() + ")")
                        .toList();
        if (!missing.isEmpty()) {
            throw InvalidInput.field(
                    "passedOver",
                    "approving rank "
                            + approved.rank()
                            + " passes over "
                            + String.join(", ", missing)
                            + ", still proposed: give a coded reason for each, or decline it"
                            + " first");
        }
        List<Match> declined = new ArrayList<>();
        for (Match m : above) {
            Reasoned r = byMatch.get(m.id());
            if (!matches.decide(
                    m.id(),
                    m.version(),
                    MatchStatus.DECLINED,
                    r.reason(),
                    r.note(),
                    user.id(),
                    now)) {
                throw ExpectedVersion.stale();
            }
            declined.add(matches.find(m.id()).orElseThrow());
        }
        return declined;
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
        return reason("reason", text);
    }

    private static DeclineReason reason(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.field(
                    field,
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
                field,
                "must be one of "
                        + String.join(", ", DeclineReason.coordinatorCodes())
                        + " (was "
                        + text
                        + ")");
    }
}
