package org.ramsetu.infra.queue.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.infra.queue.DeadJob;
import org.ramsetu.infra.queue.EnqueueResult;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.Lease;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.QueueStats;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Job queue in PostgreSQL. Workers lease with {@code FOR UPDATE SKIP LOCKED}, so concurrent workers
 * never take the same row; a lease whose time ran out is deliverable again. Every state change
 * after the lease is fenced by the lease token: a worker whose lease was taken over cannot complete
 * or fail the job any more.
 */
public class PostgresJobQueue implements JobQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PostgresJobQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public EnqueueResult enqueue(NewJob job) {
        Timestamp now = now();
        Optional<UUID> inserted =
                jdbc.sql(
                                """
                                insert into job (id, type, idempotency_key, payload, status, run_at,
                                                 created_at, updated_at, trace_parent)
                                values (?, ?, ?, ?, 'READY', ?, ?, ?, ?)
                                on conflict (type, idempotency_key) do nothing
                                returning id
                                """)
                        .params(
                                UUID.randomUUID(),
                                job.type().name(),
                                job.idempotencyKey(),
                                job.payload(),
                                now,
                                now,
                                now,
                                job.traceParent())
                        .query(UUID.class)
                        .optional();
        if (inserted.isPresent()) {
            return new EnqueueResult(inserted.get().toString(), false);
        }
        UUID existing =
                jdbc.sql("select id from job where type = ? and idempotency_key = ?")
                        .params(job.type().name(), job.idempotencyKey())
                        .query(UUID.class)
                        .single();
        return new EnqueueResult(existing.toString(), true);
    }

    @Override
    public Optional<Lease> lease(JobType type, String consumerId, Duration lease) {
        // Two statements, each served by its own partial index: an OR of both conditions
        // would make the planner scan every row, DONE ones included.
        Optional<Lease> ready = leaseWhere(READY_DUE, type, consumerId, lease, false);
        return ready.isPresent() ? ready : leaseWhere(LEASE_EXPIRED, type, consumerId, lease, true);
    }

    private static final String READY_DUE = "status = 'READY' and run_at <= ? order by run_at";
    private static final String LEASE_EXPIRED =
            "status = 'LEASED' and lease_until < ? order by lease_until";

    private Optional<Lease> leaseWhere(
            String condition, JobType type, String consumerId, Duration lease, boolean takenOver) {
        Timestamp now = now();
        UUID token = UUID.randomUUID();
        return jdbc.sql(
                        """
                        update job set status = 'LEASED', attempts = attempts + 1,
                               leased_by = ?, lease_token = ?, lease_until = ?, updated_at = ?
                        where id = (
                            select id from job where type = ? and %s
                            for update skip locked
                            limit 1)
                        returning id, type, idempotency_key, payload, attempts, created_at,
                                  trace_parent
                        """
                                .formatted(condition))
                .params(
                        consumerId,
                        token,
                        Timestamp.from(now.toInstant().plus(lease)),
                        now,
                        type.name(),
                        now)
                .query((rs, n) -> new Lease(job(rs), consumerId, token.toString(), takenOver))
                .optional();
    }

    @Override
    public void complete(Lease lease) {
        // A DONE row is only the memory of its idempotency key; its payload (e.g. a mail with a
        // one-time code or personal data) is not kept beyond delivery, as in the Redis adapter.
        fenced(
                "update job set status = 'DONE', payload = '', leased_by = null, lease_token ="
                        + " null, lease_until = null, updated_at = ? where id = ? and lease_token"
                        + " = ?",
                lease);
    }

    @Override
    public void fail(Lease lease, String error, Optional<Duration> retryAfter) {
        Timestamp now = now();
        if (retryAfter.isPresent()) {
            jdbc.sql(
                            """
                            update job set status = 'READY', run_at = ?, last_error = ?,
                                   leased_by = null, lease_token = null, lease_until = null,
                                   updated_at = ?
                            where id = ? and lease_token = ?
                            """)
                    .params(
                            Timestamp.from(now.toInstant().plus(retryAfter.get())),
                            error,
                            now,
                            UUID.fromString(lease.job().id()),
                            UUID.fromString(lease.token()))
                    .update();
        } else {
            jdbc.sql(
                            """
                            update job set status = 'DEAD', last_error = ?, leased_by = null,
                                   lease_token = null, lease_until = null, updated_at = ?
                            where id = ? and lease_token = ?
                            """)
                    .params(
                            error,
                            now,
                            UUID.fromString(lease.job().id()),
                            UUID.fromString(lease.token()))
                    .update();
        }
    }

    @Override
    public void release(Lease lease) {
        fenced(
                "update job set status = 'READY', attempts = greatest(attempts - 1, 0),"
                        + " leased_by = null, lease_token = null, lease_until = null,"
                        + " updated_at = ? where id = ? and lease_token = ?",
                lease);
    }

    @Override
    public List<DeadJob> dead(JobType type, int limit) {
        return jdbc.sql(
                        """
                        select id, type, idempotency_key, payload, attempts, created_at, last_error,
                               trace_parent
                        from job where type = ? and status = 'DEAD'
                        order by updated_at limit ?
                        """)
                .params(type.name(), limit)
                .query((rs, n) -> new DeadJob(job(rs), rs.getString("last_error")))
                .list();
    }

    @Override
    public boolean redrive(JobType type, String jobId) {
        return jdbc.sql(
                                """
                                update job set status = 'READY', attempts = 0, run_at = ?,
                                       updated_at = ?
                                where id = ? and type = ? and status = 'DEAD'
                                """)
                        .params(now(), now(), UUID.fromString(jobId), type.name())
                        .update()
                == 1;
    }

    @Override
    public QueueStats stats(JobType type) {
        return jdbc.sql(
                        """
                        select count(*) filter (where status in ('READY', 'LEASED')) as depth,
                               min(created_at) filter (where status in ('READY', 'LEASED')) as oldest,
                               count(*) filter (where status = 'DEAD') as dead
                        from job where type = ? and status <> 'DONE'
                        """)
                .param(type.name())
                .query(
                        (rs, n) -> {
                            Timestamp oldest = rs.getTimestamp("oldest");
                            Duration age =
                                    oldest == null
                                            ? Duration.ZERO
                                            : Duration.between(oldest.toInstant(), clock.instant());
                            return new QueueStats(rs.getLong("depth"), age, rs.getLong("dead"));
                        })
                .single();
    }

    @Override
    public void ping() {
        jdbc.sql("select 1").query(Integer.class).single();
    }

    private void fenced(String sql, Lease lease) {
        jdbc.sql(sql)
                .params(now(), UUID.fromString(lease.job().id()), UUID.fromString(lease.token()))
                .update();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Job job(ResultSet rs) throws SQLException {
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new Job(
                rs.getString("id"),
                JobType.of(rs.getString("type")),
                rs.getString("idempotency_key"),
                rs.getString("payload"),
                rs.getInt("attempts"),
                created,
                rs.getString("trace_parent"));
    }
}
