package org.ramsetu.platform.allocation.runs;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.allocation.policies.PolicyReader;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.rankingruns.Rescoring;

/**
 * What re-scoring a degraded allocation run needs from allocation ({@link Rescoring} does the
 * rest): the run's organ (its pledge, which must still be {@code VERIFIED}, or its donation case's
 * organ, which must still be recovered), ranked again under the very policy the degraded run
 * recorded (read back from the run itself) and recorded as the run's successor.
 */
final class RescoringAllocationRun implements Rescoring.Side<AllocationRun, OrganSource, Computed> {

    private final AllocationRuns runs;
    private final AllocationCalculation calculation;
    private final RecordingAllocationRun recording;
    private final AuditLog audit;

    RescoringAllocationRun(
            AllocationRuns runs,
            AllocationCalculation calculation,
            RecordingAllocationRun recording,
            AuditLog audit) {
        this.runs = runs;
        this.calculation = calculation;
        this.recording = recording;
        this.audit = audit;
    }

    @Override
    public Optional<AllocationRun> run(UUID id) {
        return runs.find(id);
    }

    @Override
    public boolean awaitsRescoring(AllocationRun run) {
        return run.degraded() && runs.rescoredBy(run.id()).isEmpty();
    }

    @Override
    public OrganSource listing(AllocationRun run) {
        return calculation.sourceOf(run);
    }

    @Override
    public boolean counts(OrganSource source) {
        return source.allocatable();
    }

    @Override
    public Computed calculate(AllocationRun degraded, OrganSource source) {
        LoadedPolicy policy =
                PolicyReader.read(
                        "allocation run " + degraded.id(),
                        degraded.policyJson().getBytes(StandardCharsets.UTF_8));
        return calculation.calculate(source, policy);
    }

    @Override
    public void record(Computed computed, UUID degradedRunId) {
        recording.record(computed, null, degradedRunId);
    }

    @Override
    public void skipped(AllocationRun degraded, OrganSource source) {
        audit.record(
                AuditEntry.of(
                                AllocationAuditActions.ALLOCATION_RUN_RESCORING_SKIPPED,
                                AuditOutcome.SUCCESS)
                        .on(AllocationAuditActions.RUN, degraded.id())
                        .with(source.state()));
    }
}
