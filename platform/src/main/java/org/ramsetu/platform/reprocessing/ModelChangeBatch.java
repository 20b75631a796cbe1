package org.ramsetu.platform.reprocessing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.infra.schedule.WorkInterruptedException;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.platform.allocation.runs.AllocationRunId;
import org.ramsetu.platform.allocation.runs.ModelChangeAllocationRun;
import org.ramsetu.platform.kernel.BatchId;
import org.ramsetu.platform.kernel.Unavailable;
import org.ramsetu.platform.matching.runs.MatchRunId;
import org.ramsetu.platform.matching.runs.ModelChangeMatchRun;
import org.ramsetu.platform.rankingruns.OpenRun;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.ramsetu.platform.registry.requests.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of {@code reprocessing.model-change}: one batch ranks every open match run and then
 * every open allocation run of its organ again (which runs are open is matching's and allocation's
 * to say: {@link ModelChangeMatchRun#open}, {@link ModelChangeAllocationRun#open}), each written as
 * a new {@code REPROCESSED} run beside the old one, and records how the rankings moved.
 *
 * <p>Bounded memory: open runs are read a chunk of ids at a time in keyset order, and one run is
 * ranked at a time (its candidates are the only large thing held). Exactly once: each run's write
 * and the batch's counters happen in one {@link WorkContext#effectOnce} keyed by the old run's id,
 * whose checkpoint is the walk's position; a batch killed half-way resumes after the last run it
 * wrote. Ranking happens before, outside any transaction (a scoring call must not hold a
 * connection); only the run at the point of the kill is ranked twice, and written once.
 */
public class ModelChangeBatch implements OneTimeWork.Body<ModelChangeBatch.Order> {

    /** The work's name in the scheduler. */
    public static final String WORK = "reprocessing.model-change";

    /** The scheduled instance's data: which batch to run. */
    public record Order(String batchId) {}

    private static final Logger log = LoggerFactory.getLogger(ModelChangeBatch.class);
    private static final String MATCH_PHASE = "M:";
    private static final String ALLOCATION_PHASE = "A:";

    private final Batches batches;
    private final ModelChangeMatchRun matchRuns;
    private final ModelChangeAllocationRun allocationRuns;
    private final ScoringClient scoring;
    private final int chunk;

    ModelChangeBatch(
            Batches batches,
            ModelChangeMatchRun matchRuns,
            ModelChangeAllocationRun allocationRuns,
            ScoringClient scoring,
            int chunk) {
        this.batches = batches;
        this.matchRuns = matchRuns;
        this.allocationRuns = allocationRuns;
        this.scoring = scoring;
        this.chunk = chunk;
    }

    @Override
    public void run(Order order, WorkContext ctx) {
        UUID id = UUID.fromString(order.batchId());
        Optional<Batch> found = batches.find(id);
        if (found.isEmpty() || "SUCCEEDED".equals(found.get().state())) {
            return;
        }
        Batch batch = found.get();
        try {
            walk(batch, ctx);
        } catch (WorkInterruptedException stopping) {
            throw stopping;
        } catch (RuntimeException e) {
            batches.failed(id, e.toString());
            throw e;
        }
    }

    private void walk(Batch batch, WorkContext ctx) {
        Organ organ = batch.organ();
        boolean policyChange = "POLICY".equals(batch.reason());
        String version = batch.modelVersion() != null ? batch.modelVersion() : servedVersion(organ);
        String policy = policyChange ? allocationRuns.activePolicyId() : null;
        Optional<String> checkpoint = ctx.checkpoint();
        if (batch.startedAt() == null) {
            batches.started(
                    batch.id(),
                    version,
                    policy,
                    policyChange ? 0 : matchRuns.countOpen(organ, version),
                    allocationRuns.countOpen(organ, version, policy));
        } else {
            batches.started(batch.id(), version, policy, 0, 0);
        }
        Batch started = batches.find(batch.id()).orElseThrow();
        long total = started.matchRunsTotal() + started.allocationRunsTotal();
        long[] done = {started.matchRunsDone() + started.allocationRunsDone()};
        String position = checkpoint.orElse("");
        if (!policyChange && !position.startsWith(ALLOCATION_PHASE)) {
            RequestId after =
                    position.startsWith(MATCH_PHASE) ? new RequestId(key(position)) : null;
            List<OpenRun> runs;
            while (!(runs = matchRuns.open(organ, version, after, chunk)).isEmpty()) {
                for (OpenRun run : runs) {
                    stopIfAsked(ctx);
                    match(new BatchId(batch.id()), version, run, ctx);
                    after = new RequestId(run.key());
                    ctx.progress(++done[0], total, message(organ, "match", run));
                }
            }
            position = "";
        }
        PledgeId after = position.startsWith(ALLOCATION_PHASE) ? new PledgeId(key(position)) : null;
        List<OpenRun> runs;
        while (!(runs = allocationRuns.open(organ, version, policy, after, chunk)).isEmpty()) {
            for (OpenRun run : runs) {
                stopIfAsked(ctx);
                allocation(new BatchId(batch.id()), version, policy != null, run, ctx);
                after = new PledgeId(run.key());
                ctx.progress(++done[0], total, message(organ, "allocation", run));
            }
        }
        batches.finished(batch.id());
        Batch finished = batches.find(batch.id()).orElseThrow();
        ctx.progress(done[0], Math.max(total, done[0]), "finished");
        log.info(
                "Re-processing batch {} ({} {}): {} runs written, {} rankings changed, {} top"
                        + " changed, {} skipped, mean Spearman {}, lowest {}",
                finished.id(),
                organ,
                version,
                finished.runsWritten(),
                finished.rankingsChanged(),
                finished.topChanged(),
                finished.runsSkipped(),
                finished.meanCorrelation(),
                finished.minCorrelation());
    }

    private void match(BatchId batch, String version, OpenRun run, WorkContext ctx) {
        Optional<ModelChangeMatchRun.Ranked> ranked =
                withSlot(ctx, () -> matchRuns.rank(new MatchRunId(run.runId())));
        String key = "match:" + run.runId();
        String checkpoint = MATCH_PHASE + run.key();
        if (ranked.isEmpty() || !servedBy(ranked.get().modelVersion(), version)) {
            ctx.effectOnce(
                    key, checkpoint, () -> batches.skipped(batch.value(), Batches.Kind.MATCH));
            return;
        }
        ModelChangeMatchRun.Ranked r = ranked.get();
        RankComparison comparison = RankComparison.of(r.oldOrder(), r.newOrder(), r.proposals());
        ctx.effectOnce(
                key,
                checkpoint,
                () -> {
                    if (matchRuns.write(r, batch).isPresent()) {
                        batches.written(batch.value(), Batches.Kind.MATCH, comparison);
                    } else {
                        batches.skipped(batch.value(), Batches.Kind.MATCH);
                    }
                });
    }

    private void allocation(
            BatchId batch, String version, boolean policyChange, OpenRun run, WorkContext ctx) {
        Optional<ModelChangeAllocationRun.Ranked> ranked =
                withSlot(
                        ctx,
                        () ->
                                allocationRuns.rank(
                                        new AllocationRunId(run.runId()),
                                        policyChange
                                                ? ModelChangeAllocationRun.PolicyChoice.ACTIVE
                                                : ModelChangeAllocationRun.PolicyChoice
                                                        .THE_RUNS_OWN));
        String key = "allocation:" + run.runId();
        String checkpoint = ALLOCATION_PHASE + run.key();
        if (ranked.isEmpty()
                || (!policyChange && !servedBy(ranked.get().modelVersion(), version))) {
            ctx.effectOnce(
                    key, checkpoint, () -> batches.skipped(batch.value(), Batches.Kind.ALLOCATION));
            return;
        }
        ModelChangeAllocationRun.Ranked r = ranked.get();
        // An allocation's "proposals" are the head of the list it offers the organ to first.
        RankComparison comparison = RankComparison.of(r.oldOrder(), r.newOrder(), ALLOCATION_HEAD);
        ctx.effectOnce(
                key,
                checkpoint,
                () -> {
                    if (allocationRuns.write(r, batch).isPresent()) {
                        batches.written(batch.value(), Batches.Kind.ALLOCATION, comparison);
                    } else {
                        batches.skipped(batch.value(), Batches.Kind.ALLOCATION);
                    }
                });
    }

    /** How many of an allocation run's best count as its head (the first offers). */
    static final int ALLOCATION_HEAD = 5;

    /**
     * A ranking with no eligible candidate names no model; one scored by another version than the
     * batch's (a scoring replica that has not yet swapped, or a newer version already) is passed
     * over: the later batch of that version ranks it.
     */
    private static boolean servedBy(String rankedWith, String version) {
        return rankedWith == null || rankedWith.equals(version);
    }

    /** Waits for a ranking slot while coordinators' runs hold them all; a batch is not urgent. */
    private static <T> T withSlot(WorkContext ctx, Supplier<T> ranking) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ranking.get();
            } catch (Unavailable busy) {
                if (attempt >= 30) {
                    throw busy;
                }
                stopIfAsked(ctx);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WorkInterruptedException(ctx.workName());
                }
            }
        }
    }

    private static void stopIfAsked(WorkContext ctx) {
        if (ctx.stopping()) {
            throw new WorkInterruptedException(ctx.workName());
        }
    }

    private String servedVersion(Organ organ) {
        String name = organ.name().toLowerCase(Locale.ROOT);
        for (ModelSummary m : scoring.models()) {
            if (m.organ().equalsIgnoreCase(name)) {
                return m.version();
            }
        }
        throw new IllegalStateException("scoring serves no model for " + name);
    }

    private static UUID key(String position) {
        return UUID.fromString(position.substring(2));
    }

    private static String message(Organ organ, String kind, OpenRun run) {
        return organ + " " + kind + " run " + run.runId();
    }
}
