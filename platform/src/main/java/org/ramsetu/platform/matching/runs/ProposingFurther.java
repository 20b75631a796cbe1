package org.ramsetu.platform.matching.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ramsetu.platform.kernel.Conflict;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.InvalidInput;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.matching.matches.Match;
import org.ramsetu.platform.matching.matches.MatchStatus;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.ListingLocks;
import org.ramsetu.platform.registry.ListingStatuses;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator proposes candidates further down a run's ranked list than the run proposed by
 * itself (its best few): every candidate down to the chosen rank that has no match in the run yet
 * becomes a proposal. Approving the one chosen then asks, as for any proposal, a coded reason for
 * each open one above it; so the whole ranked list can be decided from, and every candidate passed
 * over is explained.
 *
 * <p>Only the run whose proposals are current may grow: the request still {@code WAITING} at the
 * version ranked, no later run proposing instead, and each new candidate's pledge verified and
 * unchanged since the run (otherwise its place in the ranking is stale: run the match again). The
 * request row is locked first, as a new run locks it, so a run and a proposal cannot interleave.
 */
public class ProposingFurther {

    /**
     * The deepest rank that can be proposed: approving it asks for a reason for each of the ones
     * above, and an approval takes at most 50 of those.
     */
    static final int DEEPEST_RANK = 50;

    private final MatchRuns runs;
    private final Matches matches;
    private final ListingLocks locks;
    private final ListingStatuses statuses;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProposingFurther(
            MatchRuns runs,
            Matches matches,
            ListingLocks locks,
            ListingStatuses statuses,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.runs = runs;
        this.matches = matches;
        this.locks = locks;
        this.statuses = statuses;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Proposes every candidate of the run ranked {@code throughRank} or better that has no match in
     * it yet; nothing when there is none (a repeated call changes nothing).
     *
     * @return the proposals added, best first
     * @throws DomainException NotFound for an unknown run or one the caller may not know of,
     *     Forbidden for the patient whose request it ranked, InvalidInput for a rank outside 1 to
     *     the run's candidates (at most {@value #DEEPEST_RANK}), Conflict when the run proposes
     *     nothing (re-processing), a later run replaced it, the request moved on, or a candidate's
     *     pledge changed since the run
     */
    public List<Match> proposeThrough(CurrentUser user, UUID runId, Integer throughRank) {
        // The run's patient, read once: to tell a party from a stranger, and for the matches.
        Optional<UUID> patient = runs.patientOf(runId);
        CoordinatorOnly.require(
                user,
                patient.map(user::owns).orElse(false),
                MatchingAuditActions.RUN,
                runId,
                "propose candidates");
        if (throughRank == null || throughRank < 1 || throughRank > DEEPEST_RANK) {
            throw InvalidInput.field(
                    "throughRank",
                    "a rank from 1 to "
                            + DEEPEST_RANK
                            + " (approving a candidate asks a reason for each one above it)");
        }
        UUID patientId = patient.orElseThrow(() -> new NotFound("match run", runId));
        return tx.execute(status -> propose(user, runId, patientId, throughRank));
    }

    private List<Match> propose(CurrentUser user, UUID runId, UUID patientId, int throughRank) {
        MatchRun run =
                runs.find(runId, 1, throughRank, 0)
                        .orElseThrow(() -> new NotFound("match run", runId));
        if (run.trigger() == RunTrigger.REPROCESSED) {
            throw new Conflict(
                    "run-proposes-nothing",
                    "match run "
                            + runId
                            + " was ranked again by a re-processing batch to compare; it proposes"
                            + " nothing. Run the match for the request to propose its candidates");
        }
        if (throughRank > run.candidateCount()) {
            throw InvalidInput.field(
                    "throughRank",
                    "the run ranked " + run.candidateCount() + " candidates; choose one of them");
        }
        lockStillAsRanked(run);
        if (runs.replacedByNewerRun(run)) {
            throw new Conflict(
                    "run-replaced",
                    "a later run for transplant request "
                            + run.requestId()
                            + " replaced the proposals of match run "
                            + runId
                            + "; propose from the latest run");
        }
        Set<Integer> taken =
                matches.ofRun(runId).stream().map(Match::rank).collect(Collectors.toSet());
        List<RunCandidate> further =
                run.candidates().stream()
                        .filter(c -> c.rank() <= throughRank && !taken.contains(c.rank()))
                        .toList();
        if (further.isEmpty()) {
            return List.of();
        }
        Map<PledgeId, ListingStatuses.StillVerified> unchanged =
                statuses.verifiedUnchangedSince(
                        further.stream().map(c -> new PledgeId(c.pledgeId())).toList(),
                        run.createdAt());
        List<Integer> stale =
                further.stream()
                        .filter(c -> !unchanged.containsKey(new PledgeId(c.pledgeId())))
                        .map(RunCandidate::rank)
                        .toList();
        if (!stale.isEmpty()) {
            throw new Conflict(
                    "candidate-changed",
                    "the pledges ranked "
                            + stale.stream().map(r -> "#" + r).collect(Collectors.joining(", "))
                            + " are no longer verified as they were when match run "
                            + runId
                            + " ranked them; run the match again");
        }
        Instant now = Sql.now(clock);
        List<Match> added = new ArrayList<>();
        for (RunCandidate c : further) {
            ListingStatuses.StillVerified pledge = unchanged.get(new PledgeId(c.pledgeId()));
            Match match =
                    new Match(
                            UUID.randomUUID(),
                            runId,
                            run.requestId(),
                            c.pledgeId(),
                            patientId,
                            pledge.donorId(),
                            run.organ(),
                            c.rank(),
                            c.score(),
                            c.mlScore(),
                            c.components().distanceKm(),
                            pledge.version(),
                            run.requestVersion(),
                            MatchStatus.PROPOSED,
                            null,
                            null,
                            now,
                            null,
                            null,
                            null,
                            0);
            matches.insert(match);
            added.add(match);
        }
        events.publishEvent(new ProposalsAdded(run, user.id(), throughRank, added));
        return added;
    }

    private void lockStillAsRanked(MatchRun run) {
        ListingLocks.Locked now =
                locks.lock(new RequestId(run.requestId()))
                        .orElseThrow(() -> new NotFound("transplant request", run.requestId()));
        if (!"WAITING".equals(now.status())) {
            throw RecordingMatchRun.notWaiting(run.requestId(), now.status());
        }
        if (now.version() != run.requestVersion()) {
            throw new Conflict(
                    "request-changed",
                    "transplant request "
                            + run.requestId()
                            + " changed since match run "
                            + run.id()
                            + " ranked it; run the match again");
        }
    }
}
