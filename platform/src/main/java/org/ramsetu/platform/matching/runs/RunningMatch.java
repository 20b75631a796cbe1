package org.ramsetu.platform.matching.runs;

import java.util.List;
import java.util.UUID;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.matching.matches.Matches;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.ramsetu.platform.security.CurrentUser;

/**
 * A coordinator asks for the best donors for a waiting request: the run is computed outside any
 * transaction ({@link #prepare}), then recorded in the caller's ({@link #record}), so that an
 * {@code Idempotency-Key} replay and the run share one transaction without the scoring call holding
 * a database connection.
 */
public class RunningMatch {

    private final MatchCalculation calculation;
    private final RecordingMatchRun recording;
    private final Matches matches;
    private final int responseCandidates;
    private final RankingRunSlots slots;
    private final CandidateDonors donors;

    RunningMatch(
            MatchCalculation calculation,
            RecordingMatchRun recording,
            Matches matches,
            int responseCandidates,
            RankingRunSlots slots,
            CandidateDonors donors) {
        this.calculation = calculation;
        this.recording = recording;
        this.matches = matches;
        this.responseCandidates = responseCandidates;
        this.slots = slots;
        this.donors = donors;
    }

    /** A computed run, ready to be recorded. */
    public static final class Prepared {
        private final Calculation calculation;
        private final UUID coordinator;

        private Prepared(Calculation calculation, UUID coordinator) {
            this.calculation = calculation;
            this.coordinator = coordinator;
        }
    }

    /**
     * @throws DomainException NotFound for an unknown request (or one the caller may not know of),
     *     Forbidden for its patient, Conflict unless it is {@code WAITING}
     */
    public Prepared prepare(CurrentUser user, UUID requestId) {
        TransplantRequest request = calculationRequest(user, requestId);
        if (request.status() != RequestStatus.WAITING) {
            throw RecordingMatchRun.notWaiting(requestId, request.status());
        }
        return new Prepared(slots.run(() -> calculation.calculate(request)), user.id());
    }

    /** Records a prepared run; joins the caller's transaction when there is one. */
    public MatchRunView record(Prepared prepared) {
        MatchRun run = recording.record(prepared.calculation, prepared.coordinator, null);
        MatchRun head =
                new MatchRun(
                        run.id(),
                        run.requestId(),
                        run.organ(),
                        run.requestVersion(),
                        run.createdAt(),
                        run.createdBy(),
                        run.trigger(),
                        run.degraded(),
                        run.degradedCause(),
                        run.modelVersion(),
                        run.policyVersion(),
                        run.formulaVersions(),
                        run.rescoredFrom(),
                        run.settings(),
                        run.candidateCount(),
                        run.excludedCount(),
                        head(run.candidates()),
                        head(run.excluded()),
                        run.counted(),
                        run.durationMillis());
        return donors.view(
                head, matches.ofRun(run.id()), null, prepared.calculation.facts().profile().hla());
    }

    private TransplantRequest calculationRequest(CurrentUser user, UUID requestId) {
        TransplantRequest request;
        try {
            request = calculation.request(requestId);
        } catch (NotFound notFound) {
            CoordinatorOnly.require(user, false, "transplant request", requestId, "run matches");
            throw notFound;
        }
        CoordinatorOnly.require(
                user,
                user.owns(request.patientId()),
                "transplant request",
                requestId,
                "run matches");
        return request;
    }

    private <T> List<T> head(List<T> all) {
        return all.size() <= responseCandidates ? all : all.subList(0, responseCandidates);
    }
}
