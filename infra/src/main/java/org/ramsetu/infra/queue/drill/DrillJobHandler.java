package org.ramsetu.infra.queue.drill;

import org.ramsetu.infra.queue.EffectLedger;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue drill's job: records one effect row per job, guarded by the effect ledger like any real
 * handler, so that a drill shows end to end whether every job was applied exactly once. Payload:
 * {@code runId:seq}.
 */
public class DrillJobHandler implements JobHandler {

    public static final JobType TYPE = JobType.of("ops.drill");

    private final JdbcClient jdbc;
    private final EffectLedger ledger;
    private final TransactionTemplate tx;

    public DrillJobHandler(JdbcClient jdbc, EffectLedger ledger, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = tx;
    }

    @Override
    public JobType type() {
        return TYPE;
    }

    @Override
    public int concurrency() {
        return 4;
    }

    /** Drill jobs take milliseconds; a short lease lets a killed worker's jobs return quickly. */
    @Override
    public java.time.Duration leaseDuration() {
        return java.time.Duration.ofSeconds(10);
    }

    @Override
    public void handle(Job job) {
        String[] parts = job.payload().split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("drill payload must be runId:seq");
        }
        tx.executeWithoutResult(
                status -> {
                    if (ledger.firstTime(TYPE.name() + ":" + job.idempotencyKey())) {
                        jdbc.sql(
                                        "insert into queue_drill_effect (run_id, seq, job_id,"
                                                + " applied_at) values (?, ?, ?, now())")
                                .params(parts[0], Integer.parseInt(parts[1]), job.id())
                                .update();
                    }
                });
    }
}
