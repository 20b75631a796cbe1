package org.ramsetu.platform.matching.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.core.ranking.RankedCandidate;
import org.ramsetu.platform.kernel.BatchId;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.rankingruns.OpenRun;
import org.ramsetu.platform.rankingruns.RankingRunSlots;
import org.ramsetu.platform.rankingruns.Rescoring;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.ramsetu.platform.registry.requests.TransplantRequest;
import org.springframework.modulith.NamedInterface;

/**
 * Ranks an open match run's request again for a re-processing batch (docs/reprocessing.md), in two
 * steps so that the scoring call holds no database connection: {@link #rank} computes outside any
 * transaction, {@link #write} records the new run (trigger {@code REPROCESSED}) in the caller's
 * transaction, beside the old run, which is never modified.
 */
@NamedInterface("runs")
public class ModelChangeMatchRun {

    /** The audit action of a run a batch wrote. */
    public static final String AUDIT_ACTION = "MATCH_RUN_REPROCESSED";

    /**
     * A request ranked again, not yet written.
     *
     * @param oldOrder the pledges the old run ranked, best first
     * @param newOrder the pledges the new ranking ranks, best first
     * @param modelVersion the model that scored the new ranking (null when nothing was eligible)
     * @param proposals how many of the best a coordinator's run would propose
     */
    public record Ranked(
            UUID oldRunId,
            List<UUID> oldOrder,
            List<UUID> newOrder,
            String modelVersion,
            int proposals,
            Pending pending) {}

    /** The computed run itself, opaque outside this package. */
    public static final class Pending {
        private final Calculation calculation;

        private Pending(Calculation calculation) {
            this.calculation = calculation;
        }
    }

    private final MatchRuns runs;
    private final MatchCalculation calculation;
    private final RecordingMatchRun recording;
    private final RankingRunSlots slots;

    ModelChangeMatchRun(
            MatchRuns runs,
            MatchCalculation calculation,
            RecordingMatchRun recording,
            RankingRunSlots slots) {
        this.runs = runs;
        this.calculation = calculation;
        this.recording = recording;
        this.slots = slots;
    }

    /**
     * Up to {@code limit} open match runs of the organ, in request order after {@code after} (null:
     * from the first): the latest run of each waiting request, not degraded, ranked with another
     * model than {@code version}.
     */
    public List<OpenRun> open(Organ organ, String version, RequestId after, int limit) {
        return runs.open(organ, version, after == null ? null : after.value(), limit);
    }

    /** How many match runs of the organ are open for {@code version}. */
    public int countOpen(Organ organ, String version) {
        return runs.countOpen(organ, version);
    }

    /**
     * Ranks the old run's request as the registry and the served model are now, through the same
     * bulkhead as coordinators' runs.
     *
     * @return empty when the request is no longer {@code WAITING}
     * @throws Rescoring.StillUnavailable when scoring failed (the run would be degraded): the batch
     *     stops and is retried from its checkpoint
     * @throws DomainException Unavailable when no ranking slot freed up in time
     */
    public Optional<Ranked> rank(MatchRunId oldRun) {
        UUID oldRunId = oldRun.value();
        MatchRuns.RankedPledges old =
                runs.rankedPledges(oldRunId)
                        .orElseThrow(() -> new IllegalStateException("no match run " + oldRunId));
        TransplantRequest request = calculation.request(old.requestId());
        if (request.status() != RequestStatus.WAITING) {
            return Optional.empty();
        }
        Calculation calc = slots.run(() -> calculation.calculate(request));
        if (calc.degraded()) {
            throw new Rescoring.StillUnavailable(calc.degradedCause());
        }
        List<RankedCandidate> ranked = calc.ranking().ranked();
        List<UUID> order = new ArrayList<>(ranked.size());
        for (RankedCandidate r : ranked) {
            order.add(UUID.fromString(r.id().donorId()));
        }
        return Optional.of(
                new Ranked(
                        oldRunId,
                        old.order(),
                        order,
                        calc.ranking().modelVersion(),
                        calc.settings().proposals(),
                        new Pending(calc)));
    }

    /**
     * Writes the new run in the caller's transaction (or its own).
     *
     * @return the new run's id; empty when the request left {@code WAITING} or changed since it was
     *     ranked (nothing written)
     */
    public Optional<MatchRunId> write(Ranked ranked, BatchId batch) {
        return recording
                .recordModelChange(ranked.pending().calculation, ranked.oldRunId(), batch.value())
                .map(run -> new MatchRunId(run.id()));
    }
}
