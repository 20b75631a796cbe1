package org.ramsetu.infra.queue.drill;

import java.util.UUID;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.outbox.JobScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts a drill (N jobs through the outbox) and reports how many effects were applied. */
public class QueueDrill {

    private static final int BATCH = 500;
    public static final int MAX_JOBS = 1_000_000;

    private final JobScheduler scheduler;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;

    public QueueDrill(JobScheduler scheduler, TransactionTemplate tx, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    public record Report(String runId, long applied) {}

    public String start(int jobs) {
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException(
                    "jobs must be 1-" + MAX_JOBS + " (got " + jobs + ")");
        }
        String runId = UUID.randomUUID().toString();
        for (int from = 0; from < jobs; from += BATCH) {
            int start = from;
            int end = Math.min(jobs, from + BATCH);
            tx.executeWithoutResult(
                    s -> {
                        for (int seq = start; seq < end; seq++) {
                            scheduler.schedule(
                                    new NewJob(
                                            DrillJobHandler.TYPE,
                                            runId + ":" + seq,
                                            runId + ":" + seq));
                        }
                    });
        }
        return runId;
    }

    public Report report(String runId) {
        long applied =
                jdbc.sql("select count(*) from queue_drill_effect where run_id = ?")
                        .param(runId)
                        .query(Long.class)
                        .single();
        return new Report(runId, applied);
    }
}
