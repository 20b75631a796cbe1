package org.ramsetu.platform.allocation.runs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.platform.allocation.AllocationAuditActions;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.allocation.policies.PolicyReader;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;
import org.springframework.dao.DuplicateKeyException;

/**
 * Re-scores a degraded allocation run once scoring is back: a new, scored run for the same pledge
 * under the very policy the degraded run recorded (read back from the run itself), linked to the
 * degraded one, which is never modified. Safe to repeat: a degraded run gets at most one successor.
 */
public class RescoringAllocationRun {

    /** What a re-scoring attempt came to. */
    public enum Outcome {
        WRITTEN,
        ALREADY_DONE,
        /** The pledge is no longer verified: nothing to allocate any more. */
        SKIPPED
    }

    /** Scoring is still unavailable: the job should be retried later. */
    public static final class StillUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StillUnavailable(String cause) {
            super("scoring still unavailable, re-scoring later: " + cause);
        }
    }

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

    /**
     * @throws StillUnavailable while scoring still fails (the queue retries with back-off)
     */
    public Outcome rescore(UUID degradedRunId) {
        AllocationRun degraded =
                runs.find(degradedRunId)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no allocation run "
                                                        + degradedRunId
                                                        + " to re-score"));
        if (!degraded.degraded() || runs.rescoredBy(degradedRunId).isPresent()) {
            return Outcome.ALREADY_DONE;
        }
        PledgedOrgan pledge = calculation.pledge(degraded.pledgeId());
        if (pledge.status() != PledgeStatus.VERIFIED) {
            skipped(degraded, pledge.status());
            return Outcome.SKIPPED;
        }
        LoadedPolicy policy =
                PolicyReader.read(
                        "allocation run " + degraded.id(),
                        degraded.policyJson().getBytes(StandardCharsets.UTF_8));
        Computed computed = calculation.calculate(pledge, policy);
        if (computed.result().degraded()) {
            throw new StillUnavailable(computed.degradedCause());
        }
        try {
            recording.record(computed, null, degradedRunId);
            return Outcome.WRITTEN;
        } catch (DuplicateKeyException concurrentDelivery) {
            return Outcome.ALREADY_DONE;
        } catch (DomainException refused) {
            PledgedOrgan now = calculation.pledge(degraded.pledgeId());
            if (now.status() != PledgeStatus.VERIFIED) {
                skipped(degraded, now.status());
                return Outcome.SKIPPED;
            }
            throw refused;
        }
    }

    private void skipped(AllocationRun degraded, PledgeStatus status) {
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
                                        status.name())));
    }
}
