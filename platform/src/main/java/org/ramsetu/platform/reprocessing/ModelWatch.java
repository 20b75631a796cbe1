package org.ramsetu.platform.reprocessing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.RecurringWork;
import org.ramsetu.infra.schedule.WorkContext;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.infra.scoring.ModelSummary;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringException;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The body of {@code reprocessing.model-watch}, once a minute per cluster: compares the model
 * version scoring serves per organ with the last one recorded, and on a change records the new
 * version and schedules a batch for the organ in the same transaction (the scheduler joins it), so
 * a change is neither lost nor batched twice. The first version seen of an organ is only recorded:
 * a fresh installation has no earlier model to compare with. It also schedules the batches the CLI
 * asked for ({@code REQUESTED}), since the CLI has no scheduler of its own.
 */
public class ModelWatch implements RecurringWork.Body {

    public static final String WORK = "reprocessing.model-watch";
    static final String REQUESTED_BY = "model-watch";

    private static final Logger log = LoggerFactory.getLogger(ModelWatch.class);

    private final ScoringClient scoring;
    private final Batches batches;
    private final WorkScheduler scheduler;
    private final OneTimeWork<ModelChangeBatch.Order> batchWork;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    ModelWatch(
            ScoringClient scoring,
            Batches batches,
            WorkScheduler scheduler,
            OneTimeWork<ModelChangeBatch.Order> batchWork,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.scoring = scoring;
        this.batches = batches;
        this.scheduler = scheduler;
        this.batchWork = batchWork;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(WorkContext ctx) {
        if (scheduler == null) {
            return; // only scheduling targets run work, and each has a scheduler
        }
        List<ModelSummary> models;
        try {
            models = scoring.models();
        } catch (ScoringException unavailable) {
            // Scoring is away: nothing can be compared, and nothing could be re-scored either.
            log.warn(
                    "Model watch: scoring unavailable, trying again next time: {}",
                    unavailable.getMessage());
            models = List.of();
        }
        for (ModelSummary model : models) {
            Organ organ = Organ.parse(model.organ());
            tx.executeWithoutResult(status -> compare(organ, model.version()));
        }
        tx.executeWithoutResult(status -> scheduleRequested());
    }

    private void compare(Organ organ, String served) {
        var seen = batches.seenVersion(organ);
        if (seen.isPresent() && seen.get().equals(served)) {
            return;
        }
        batches.see(organ, served);
        if (seen.isEmpty()) {
            log.info("Model watch: {} model {} recorded as the first seen", organ, served);
            return;
        }
        Batch batch = batches.create(organ, "MODEL", served, seen.get(), "SCHEDULED", REQUESTED_BY);
        scheduler.schedule(
                batchWork,
                batch.instanceId(),
                new ModelChangeBatch.Order(batch.id().toString()),
                clock.instant());
        audit.record(
                AuditEntry.of(ReprocessingAuditActions.BATCH_STARTED, AuditOutcome.SUCCESS)
                        .on(ReprocessingAuditActions.BATCH, batch.id())
                        .with(
                                Map.of(
                                        "organ",
                                        organ.name(),
                                        "reason",
                                        "MODEL",
                                        "modelVersion",
                                        served,
                                        "previousVersion",
                                        seen.get(),
                                        "requestedBy",
                                        REQUESTED_BY)));
        log.info(
                "Model watch: {} model changed {} -> {}; batch {} scheduled",
                organ,
                seen.get(),
                served,
                batch.id());
    }

    private void scheduleRequested() {
        for (Batch batch : batches.requested()) {
            scheduler.schedule(
                    batchWork,
                    batch.instanceId(),
                    new ModelChangeBatch.Order(batch.id().toString()),
                    clock.instant());
            batches.scheduled(batch.id());
            log.info(
                    "Model watch: batch {} asked for by {} scheduled",
                    batch.id(),
                    batch.requestedBy());
        }
    }
}
