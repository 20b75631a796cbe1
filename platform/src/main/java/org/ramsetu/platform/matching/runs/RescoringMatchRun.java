package org.ramsetu.platform.matching.runs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.matching.MatchingAuditActions;
import org.ramsetu.platform.rankingruns.Rescoring;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequest;

/**
 * What re-scoring a degraded match run needs from matching ({@link Rescoring} does the rest): the
 * run's request, which must still be {@code WAITING}, ranked again and recorded as the run's
 * successor.
 */
final class RescoringMatchRun implements Rescoring.Side<MatchRun, TransplantRequest, Calculation> {

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

    @Override
    public Optional<MatchRun> run(UUID id) {
        return runs.find(id, 0, 0);
    }

    @Override
    public boolean awaitsRescoring(MatchRun run) {
        return run.degraded() && runs.rescoredBy(run.id()).isEmpty();
    }

    @Override
    public TransplantRequest listing(MatchRun run) {
        return calculation.request(run.requestId());
    }

    @Override
    public boolean counts(TransplantRequest request) {
        return request.status() == RequestStatus.WAITING;
    }

    @Override
    public Calculation calculate(MatchRun run, TransplantRequest request) {
        return calculation.calculate(request);
    }

    @Override
    public void record(Calculation calc, UUID degradedRunId) {
        recording.record(calc, null, degradedRunId);
    }

    @Override
    public void skipped(MatchRun degraded, TransplantRequest request) {
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
                                        request.status().name())));
    }
}
