package org.ramsetu.platform.matching.runs;

import java.util.Map;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.springframework.dao.DuplicateKeyException;

/**
 * Re-scores a degraded run once scoring is back: a new, scored run for the same request, linked to
 * the degraded one (which is never modified). Safe to repeat: a degraded run gets at most one
 * successor (a unique column), so a redelivered job finds the work done.
 */
public class RescoringMatchRun {

    /** What a re-scoring attempt came to. */
    public enum Outcome {
        /** A re-scored run was written. */
        WRITTEN,
        /** An earlier delivery of the job wrote it. */
        ALREADY_DONE,
        /** The request is no longer waiting: nothing to rank any more. */
        SKIPPED
    }

    /** Scoring is still unavailable: the job should be retried later. */
    public static final class StillUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StillUnavailable(String cause) {
            super("scoring still unavailable, re-scoring later: " + cause);
        }
    }

    private final MatchRuns runs;
    private final MatchCalculation calculation;
    private final RecordingMatchRun recording;
    private final AuditLog audit;

    RescoringMatchRun(
            MatchRuns runs,
            MatchCalculation calculation,
            RecordingMatchRun recording,
            AuditLog audit) {
        this.runs = runs;
        this.calculation = calculation;
        this.recording = recording;
        this.audit = audit;
    }

    /**
     * @throws StillUnavailable while scoring still fails (the queue retries with back-off)
     */
    public Outcome rescore(UUID degradedRunId) {
        MatchRun degraded =
                runs.find(degradedRunId, 0, 0)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no match run " + degradedRunId + " to re-score"));
        if (!degraded.degraded() || runs.rescoredBy(degradedRunId).isPresent()) {
            return Outcome.ALREADY_DONE;
        }
        TransplantRequest request = calculation.request(degraded.requestId());
        if (request.status() != RequestStatus.WAITING) {
            skipped(degraded, request.status());
            return Outcome.SKIPPED;
        }
        Calculation calc = calculation.calculate(request);
        if (calc.degraded()) {
            throw new StillUnavailable(calc.degradedCause());
        }
        try {
            recording.record(calc, null, degradedRunId);
            return Outcome.WRITTEN;
        } catch (DuplicateKeyException concurrentDelivery) {
            return Outcome.ALREADY_DONE;
        } catch (DomainException refused) {
            // The request left WAITING between ranking and recording.
            TransplantRequest now = calculation.request(degraded.requestId());
            if (now.status() != RequestStatus.WAITING) {
                skipped(degraded, now.status());
                return Outcome.SKIPPED;
            }
            throw refused;
        }
    }

    private void skipped(MatchRun degraded, RequestStatus status) {
        audit.record(
                AuditEntry.of(
                                MatchingAuditActions.MATCH_RUN_RESCORING_SKIPPED,
                                AuditOutcome.SUCCESS)
                        .on(MatchingAuditActions.RUN, degraded.id())
                        .with(
                                Map.of(
                                        "requestId",
                                        degraded.requestId().toString(),
                                        "requestStatus",
                                        status.name())));
    }
}
