package org.ramsetu.platform.allocation.runs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.allocation.policies.PolicyReader;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.rankingruns.Rescoring;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;

/**
 * What re-scoring a degraded allocation run needs from allocation ({@link Rescoring} does the
 * rest): the run's pledge, which must still be {@code VERIFIED}, ranked again under the very policy
 * the degraded run recorded (read back from the run itself) and recorded as the run's successor.
 */
final class RescoringAllocationRun
        implements Rescoring.Side<AllocationRun, PledgedOrgan, Computed> {

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
    public PledgedOrgan listing(AllocationRun run) {
        return calculation.pledge(run.pledgeId());
    }

    @Override
    public boolean counts(PledgedOrgan pledge) {
        return pledge.status() == PledgeStatus.VERIFIED;
    }

    @Override
    public Computed calculate(AllocationRun degraded, PledgedOrgan pledge) {
        LoadedPolicy policy =
                PolicyReader.read(
                        "allocation run " + degraded.id(),
                        degraded.policyJson().getBytes(StandardCharsets.UTF_8));
        return calculation.calculate(pledge, policy);
    }

    @Override
    public boolean degraded(Computed computed) {
        return computed.result().degraded();
    }

    @Override
    public String degradedCause(Computed computed) {
        return computed.degradedCause();
    }

    @Override
    public void record(Computed computed, UUID degradedRunId) {
        recording.record(computed, null, degradedRunId);
    }

    @Override
    public void skipped(AllocationRun degraded, PledgedOrgan pledge) {
        audit.record(
                AuditEntry.of(
                                AllocationAuditActions.ALLOCATION_RUN_RESCORING_SKIPPED,
                                AuditOutcome.SUCCESS)
                        .on(AllocationAuditActions.RUN, degraded.id())
                        .with(
                                Map.of(
                                        "pledgeId",
                                        degraded.pledgeId().toString(),
                                        "pledgeStatus",
                                        pledge.status().name())));
    }
}
