package org.ramsetu.platform.reprocessing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.schedule.OneTimeWork;
import org.ramsetu.infra.schedule.WorkScheduler;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.kernel.DomainException;
import org.ramsetu.platform.kernel.Unavailable;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A coordinator asks for a batch: the batch row, its scheduled instance and the audit entry in one
 * transaction. The batch ranks with the model served when it starts ({@code MODEL}), or re-ranks
 * the allocation runs made under another policy than the active one ({@code POLICY}).
 */
public class StartingBatch {

    private final Batches batches;
    private final WorkScheduler scheduler;
    private final OneTimeWork<ModelChangeBatch.Order> work;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    StartingBatch(
            Batches batches,
            WorkScheduler scheduler,
            OneTimeWork<ModelChangeBatch.Order> work,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.batches = batches;
        this.scheduler = scheduler;
        this.work = work;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @throws DomainException Unavailable when this target has no scheduler
     */
    public Batch start(Organ organ, String reason, UUID coordinator) {
        if (scheduler == null) {
            throw new Unavailable(
                    "scheduler-unavailable",
                    "Scheduler unavailable",
                    "this target has no scheduler for background work; try again shortly",
                    java.time.Duration.ofSeconds(30));
        }
        return tx.execute(
                status -> {
                    Batch batch =
                            batches.create(
                                    organ, reason, null, null, "SCHEDULED", coordinator.toString());
                    scheduler.schedule(
                            work,
                            batch.instanceId(),
                            new ModelChangeBatch.Order(batch.id().toString()),
                            clock.instant());
                    Map<String, Object> detail = new HashMap<>();
                    detail.put("organ", organ.name());
                    detail.put("reason", reason);
                    audit.record(
                            AuditEntry.of(
                                            ReprocessingAuditActions.BATCH_STARTED,
                                            AuditOutcome.SUCCESS)
                                    .by(coordinator, Role.ADMIN)
                                    .on(ReprocessingAuditActions.BATCH, batch.id())
                                    .with(detail));
                    return batch;
                });
    }
}
