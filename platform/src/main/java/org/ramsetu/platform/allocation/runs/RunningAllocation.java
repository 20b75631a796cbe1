package org.ramsetu.platform.allocation.runs;

import java.util.UUID;
import org.ramsetu.core.donor.PledgeStatus;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.allocation.policies.AllocationPolicies;
import org.ramsetu.platform.donation.DonationCaseId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.NotFound;
import org.ramsetu.platform.matching.CoordinatorOnly;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.registry.pledges.PledgedOrgan;
import org.ramsetu.platform.security.CurrentUser;

/**
 * A coordinator ranks the waiting list for a verified pledge, or for an organ a donation case
 * recovered, under the active policy: computed outside any transaction ({@link #prepare}), recorded
 * in the caller's ({@link #record}), so that an {@code Idempotency-Key} replay and the run share
 * one transaction without the scoring call holding a database connection.
 */
public class RunningAllocation {

    private final AllocationCalculation calculation;
    private final RecordingAllocationRun recording;
    private final AllocationPolicies policies;
    private final int responseCandidates;
    private final RankingRunSlots slots;
    private final CandidateRecipients recipients;

    RunningAllocation(
            AllocationCalculation calculation,
            RecordingAllocationRun recording,
            AllocationPolicies policies,
            int responseCandidates,
            RankingRunSlots slots,
            CandidateRecipients recipients) {
        this.calculation = calculation;
        this.recording = recording;
        this.policies = policies;
        this.responseCandidates = responseCandidates;
        this.slots = slots;
        this.recipients = recipients;
    }

    /** A computed run, ready to be recorded. */
    public static final class Prepared {
        private final Computed computed;
        private final UUID coordinator;

        private Prepared(Computed computed, UUID coordinator) {
            this.computed = computed;
            this.coordinator = coordinator;
        }
    }

    /**
     * @throws DomainException NotFound for an unknown pledge (or one the caller may not know of),
     *     Forbidden for its donor, Conflict unless it is {@code VERIFIED}
     */
    public Prepared prepare(CurrentUser user, UUID pledgeId) {
        PledgedOrgan pledge;
        try {
            pledge = calculation.pledge(pledgeId);
        } catch (NotFound notFound) {
            CoordinatorOnly.require(user, false, "pledge", pledgeId, "run allocations");
            throw notFound;
        }
        CoordinatorOnly.require(
                user, user.owns(pledge.donor().value()), "pledge", pledgeId, "run allocations");
        if (pledge.status() != PledgeStatus.VERIFIED) {
            throw RecordingAllocationRun.notVerified(pledgeId, pledge.status());
        }
        return new Prepared(
                slots.run(
                        () ->
                                calculation.calculate(
                                        calculation.of(pledge),
                                        policies.forRun(pledge.id().value(), pledge.organ()))),
                user.id());
    }

    /**
     * Ranks the waiting list for an organ a donation case recovered (coordinators only; the routes
     * are under {@code /admin}).
     *
     * @throws DomainException NotFound for an unknown case, Conflict unless the organ was recovered
     */
    public Prepared prepare(CurrentUser coordinator, DonationCaseId caseId, Organ organ) {
        CoordinatorOnly.require(coordinator, false, "donation case", caseId, "run allocations");
        OrganSource source = calculation.recovered(caseId, organ);
        if (!source.allocatable()) {
            throw RecordingAllocationRun.notRecovered(caseId, organ);
        }
        return new Prepared(
                slots.run(
                        () ->
                                calculation.calculate(
                                        source, policies.forRun(caseId.value(), organ))),
                coordinator.id());
    }

    /** Records a prepared run; joins the caller's transaction when there is one. */
    public AllocationRunView record(Prepared prepared) {
        AllocationRun run = recording.record(prepared.computed, prepared.coordinator, null);
        return recipients.view(run, null, 1, responseCandidates, responseCandidates);
    }
}
