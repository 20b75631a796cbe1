package org.ramsetu.infra.queue.worker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.ramsetu.infra.queue.EffectLedger;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobHandler;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.RetryPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A handler whose effect is a row in {@code test_effect}, guarded by the {@link EffectLedger} in
 * the same transaction, as real handlers guard theirs. Counts every delivery it saw.
 */
class CountingEffectHandler implements JobHandler {

    static final JobType TYPE = JobType.of("test.effect");

    private final JdbcClient jdbc;
    private final EffectLedger ledger;
    private final TransactionTemplate tx;
    private final Duration lease;
    final AtomicInteger deliveries = new AtomicInteger();

    CountingEffectHandler(JdbcClient jdbc, TransactionTemplate tx, Duration lease) {
        this.jdbc = jdbc;
        this.ledger = new EffectLedger(jdbc);
        this.tx = tx;
        this.lease = lease;
    }

    static void createTable(JdbcClient jdbc) {
        jdbc.sql("create table if not exists test_effect (job_key text not null, job_id text)")
                .update();
    }

    @Override
    public JobType type() {
        return TYPE;
    }

    @Override
    public void handle(Job job) {
        deliveries.incrementAndGet();
        tx.executeWithoutResult(
                status -> {
                    if (ledger.firstTime(TYPE.name() + ":" + job.idempotencyKey())) {
                        jdbc.sql("insert into test_effect (job_key, job_id) values (?, ?)")
                                .params(job.idempotencyKey(), job.id())
                                .update();
                    }
                });
    }

    @Override
    public int concurrency() {
        return 3;
    }

    @Override
    public Duration leaseDuration() {
        return lease;
    }

    @Override
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(100));
    }
}
