package org.ramsetu.platform.allocation.runs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.allocation.AllocatedCandidate;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.allocation.policies.LoadedPolicy;
import org.ramsetu.platform.allocation.policies.PolicyReader;
import org.ramsetu.platform.kernel.BatchId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.rankingruns.OpenRun;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.rankingruns.Rescoring;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;
import org.springframework.modulith.NamedInterface;

/**
 * Ranks the waiting list again for an open allocation run's pledge, for a re-processing batch
 * (docs/reprocessing.md): {@link #rank} outside any transaction, {@link #write} in the caller's.
 * After a model change the run is ranked under the very policy the old run recorded, so the two
 * differ by the model (and by what changed in the registry since), not by the policy; after a
 * policy change, under the active policy.
 */
@NamedInterface("runs")
public class ModelChangeAllocationRun {

    /** The audit action of a run a batch wrote. */
    public static final String AUDIT_ACTION = "ALLOCATION_RUN_REPROCESSED";

    /** Which policy the new run ranks under. */
    public enum PolicyChoice {
        /** The old run's own policy (a model change). */
        THE_RUNS_OWN,
        /** The policy active now (a policy change). */
        ACTIVE
    }

    /**
     * A waiting list ranked again, not yet written.
     *
     * @param oldOrder the requests the old run ranked, best first
     * @param newOrder the requests the new ranking ranks, best first
     * @param modelVersion the model that scored the new ranking (null when nobody was eligible)
     */
    public record Ranked(
            UUID oldRunId,
            List<UUID> oldOrder,
            List<UUID> newOrder,
            String modelVersion,
            String policyId,
            Pending pending) {}

    /** The computed run itself, opaque outside this package. */
    public static final class Pending {
        private final Computed computed;

        private Pending(Computed computed) {
            this.computed = computed;
        }
    }

    private final AllocationRuns runs;
    private final AllocationCalculation calculation;
    private final RecordingAllocationRun recording;
    private final AllocationPolicies policies;
    private final RankingRunSlots slots;

    ModelChangeAllocationRun(
            AllocationRuns runs,
            AllocationCalculation calculation,
            RecordingAllocationRun recording,
            AllocationPolicies policies,
            RankingRunSlots slots) {
        this.runs = runs;
        this.calculation = calculation;
        this.recording = recording;
        this.policies = policies;
        this.slots = slots;
    }

    /**
     * Up to {@code limit} open allocation runs of the organ, in pledge order after {@code after}
     * (null: from the first): the latest run of each verified pledge, not degraded, ranked with
     * another model than {@code version} or, when {@code policy} is given, under another policy.
     */
    public List<OpenRun> open(
            Organ organ, String version, String policy, PledgeId after, int limit) {
        return runs.open(organ, version, policy, after == null ? null : after.value(), limit);
    }

    /** How many allocation runs of the organ are open for {@code version} or {@code policy}. */
    public int countOpen(Organ organ, String version, String policy) {
        return runs.countOpen(organ, version, policy);
    }

    /** The id of the active allocation policy. */
    public String activePolicyId() {
        return policies.active().id();
    }

    /**
     * @return empty when the pledge is no longer {@code VERIFIED}
     * @throws Rescoring.StillUnavailable when scoring failed: the batch stops and is retried from
     *     its checkpoint
     * @throws DomainException Unavailable when no ranking slot freed up in time
     */
    public Optional<Ranked> rank(AllocationRunId oldRun, PolicyChoice choice) {
        UUID oldRunId = oldRun.value();
        AllocationRun old =
                runs.find(oldRunId)
                        .orElseThrow(
                                () -> new IllegalStateException("no allocation run " + oldRunId));
        PledgedOrgan pledge = calculation.pledge(old.pledgeId());
        if (pledge.status() != PledgeStatus.VERIFIED) {
            return Optional.empty();
        }
        LoadedPolicy policy =
                choice == PolicyChoice.ACTIVE
                        ? policies.active()
                        : PolicyReader.read(
                                "allocation run " + old.id(),
                                old.policyJson().getBytes(StandardCharsets.UTF_8));
        List<UUID> oldOrder = RunCodec.requestOrder(old.candidates());
        Computed computed = slots.run(() -> calculation.calculate(calculation.of(pledge), policy));
        if (computed.degraded()) {
            throw new Rescoring.StillUnavailable(computed.degradedCause());
        }
        List<AllocatedCandidate> ranked = computed.result().ranked();
        List<UUID> newOrder = new ArrayList<>(ranked.size());
        for (AllocatedCandidate c : ranked) {
            newOrder.add(UUID.fromString(c.id().patientId()));
        }
        return Optional.of(
                new Ranked(
                        oldRunId,
                        oldOrder,
                        newOrder,
                        computed.result().modelVersion(),
                        policy.id(),
                        new Pending(computed)));
    }

    /**
     * @return the new run's id; empty when the pledge left {@code VERIFIED} or changed since it was
     *     ranked (nothing written)
     */
    public Optional<AllocationRunId> write(Ranked ranked, BatchId batch) {
        return recording
                .recordModelChange(ranked.pending().computed, ranked.oldRunId(), batch.value())
                .map(run -> new AllocationRunId(run.id()));
    }
}
