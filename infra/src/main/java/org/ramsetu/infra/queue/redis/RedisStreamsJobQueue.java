package org.ramsetu.infra.queue.redis;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ramsetu.infra.queue.DeadJob;
import org.ramsetu.infra.queue.EnqueueResult;
import org.ramsetu.infra.queue.Job;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobType;
import org.ramsetu.infra.queue.Lease;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.QueueStats;

/**
 * Job queue on Redis Streams, one stream and consumer group per job type. A consumer that dies
 * leaves its entries pending; after the lease time another consumer takes them over with {@code
 * XAUTOCLAIM}. Retries wait in a sorted set until due; dead jobs in another. Job data lives in a
 * hash per job; the stream carries only ids. Durability across a Redis restart needs the
 * append-only file ({@code appendonly yes}), see ops/queue.md; across a failover, that a replica
 * acknowledged each enqueued job ({@link ReplicaAcknowledgement}).
 */
public class RedisStreamsJobQueue implements JobQueue {

    private static final int PROMOTE_BATCH = 100;

    private final RedisCommands<String, String> redis;
    private final ScriptRunner scripts;
    private final ScriptRunner enqueueScripts;
    private final Optional<ReplicaAcknowledgement> replicaAcknowledgement;
    private final Clock clock;
    private final Set<JobType> groupsReady = ConcurrentHashMap.newKeySet();

    /** A queue whose enqueues count as done once the primary has them. */
    public RedisStreamsJobQueue(RedisCommands<String, String> redis, Clock clock) {
        this(redis, redis, Optional.empty(), clock);
    }

    /**
     * @param enqueues the connection enqueues use; with {@code replicaAckTimeout} it must serve
     *     enqueues only ({@code WAIT} blocks it until a replica acknowledged)
     * @param replicaAckTimeout how long an enqueue waits for a replica's acknowledgement, if it
     *     waits at all (Redis behind Sentinel, where a replica may be promoted)
     */
    public RedisStreamsJobQueue(
            RedisCommands<String, String> redis,
            RedisCommands<String, String> enqueues,
            Optional<Duration> replicaAckTimeout,
            Clock clock) {
        this.redis = redis;
        this.scripts = new ScriptRunner(redis);
        this.enqueueScripts = enqueues == redis ? scripts : new ScriptRunner(enqueues);
        this.replicaAcknowledgement =
                replicaAckTimeout.map(timeout -> new ReplicaAcknowledgement(enqueues, timeout));
        this.clock = clock;
    }

    @Override
    public EnqueueResult enqueue(NewJob job) {
        RedisKeys keys = keysOf(job.type());
        String id = UUID.randomUUID().toString();
        List<Object> result =
                enqueueScripts.run(
                        RedisScripts.ENQUEUE,
                        ScriptOutputType.MULTI,
                        new String[] {
                            keys.idempotency(job.idempotencyKey()), keys.job(id), keys.stream()
                        },
                        id,
                        job.idempotencyKey(),
                        job.payload(),
                        Long.toString(clock.millis()),
                        job.traceParent() == null ? "" : job.traceParent());
        // Also for a duplicate: the first enqueue of the key may have failed waiting.
        replicaAcknowledgement.ifPresent(ReplicaAcknowledgement::await);
        return new EnqueueResult((String) result.get(0), ((Long) result.get(1)) == 1L);
    }

    @Override
    public Optional<Lease> lease(JobType type, String consumerId, Duration lease) {
        try {
            return leaseOnce(type, consumerId, lease);
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                throw e;
            }
            // Redis lost the group (restarted without its append-only file): create it again.
            groupsReady.remove(type);
            return leaseOnce(type, consumerId, lease);
        }
    }

    private Optional<Lease> leaseOnce(JobType type, String consumerId, Duration lease) {
        RedisKeys keys = keysOf(type);
        scripts.run(
                RedisScripts.PROMOTE_DUE,
                ScriptOutputType.INTEGER,
                new String[] {keys.delayed(), keys.stream()},
                Long.toString(clock.millis()),
                Integer.toString(PROMOTE_BATCH));
        Consumer<String> consumer = Consumer.from(RedisKeys.GROUP, consumerId);
        ClaimedMessages<String, String> claimed =
                redis.xautoclaim(
                        keys.stream(),
                        XAutoClaimArgs.Builder.xautoclaim(consumer, lease, "0-0").count(1));
        if (!claimed.getMessages().isEmpty()) {
            StreamMessage<String, String> message = claimed.getMessages().get(0);
            return toLease(keys, message, consumerId, deliveries(keys, message.getId()))
                    .map(l -> new Lease(l.job(), l.consumerId(), l.token(), true));
        }
        List<StreamMessage<String, String>> fresh =
                redis.xreadgroup(
                        consumer,
                        XReadArgs.Builder.count(1),
                        XReadArgs.StreamOffset.lastConsumed(keys.stream()));
        return fresh.isEmpty() ? Optional.empty() : toLease(keys, fresh.get(0), consumerId, 1);
    }

    @Override
    public void complete(Lease lease) {
        RedisKeys keys = keysOf(lease.job().type());
        scripts.run(
                RedisScripts.COMPLETE,
                ScriptOutputType.INTEGER,
                new String[] {keys.stream(), keys.job(lease.job().id())},
                RedisKeys.GROUP,
                lease.token(),
                lease.consumerId());
    }

    @Override
    public void fail(Lease lease, String error, Optional<Duration> retryAfter) {
        RedisKeys keys = keysOf(lease.job().type());
        boolean retry = retryAfter.isPresent();
        long when = clock.millis() + retryAfter.map(Duration::toMillis).orElse(0L);
        scripts.run(
                retry ? RedisScripts.RETRY_LATER : RedisScripts.BURY,
                ScriptOutputType.INTEGER,
                new String[] {
                    keys.stream(), keys.job(lease.job().id()), retry ? keys.delayed() : keys.dead()
                },
                RedisKeys.GROUP,
                lease.token(),
                lease.consumerId(),
                Long.toString(when),
                error == null ? "" : error,
                Integer.toString(lease.job().attempt()),
                lease.job().id());
    }

    @Override
    public void release(Lease lease) {
        RedisKeys keys = keysOf(lease.job().type());
        scripts.run(
                RedisScripts.RELEASE,
                ScriptOutputType.INTEGER,
                new String[] {keys.stream()},
                RedisKeys.GROUP,
                lease.token(),
                lease.consumerId(),
                lease.job().id());
    }

    @Override
    public List<DeadJob> dead(JobType type, int limit) {
        RedisKeys keys = keysOf(type);
        List<DeadJob> dead = new ArrayList<>();
        for (String id : redis.zrange(keys.dead(), 0, limit - 1L)) {
            Map<String, String> data = redis.hgetall(keys.job(id));
            if (!data.isEmpty()) {
                int attempts = Integer.parseInt(data.get("attempts"));
                dead.add(new DeadJob(job(type, id, data, attempts), data.get("lastError")));
            }
        }
        return dead;
    }

    @Override
    public boolean redrive(JobType type, String jobId) {
        RedisKeys keys = keysOf(type);
        Long moved =
                scripts.run(
                        RedisScripts.REDRIVE,
                        ScriptOutputType.INTEGER,
                        new String[] {keys.dead(), keys.job(jobId), keys.stream()},
                        jobId);
        return moved == 1L;
    }

    @Override
    public QueueStats stats(JobType type) {
        RedisKeys keys = keysOf(type);
        long depth = redis.xlen(keys.stream()) + redis.zcard(keys.delayed());
        Instant now = clock.instant();
        Instant oldest = now;
        List<StreamMessage<String, String>> head =
                redis.xrange(keys.stream(), Range.create("-", "+"), Limit.from(1));
        List<String> firstDelayed = redis.zrange(keys.delayed(), 0, 0);
        List<String> candidates = new ArrayList<>(firstDelayed);
        head.forEach(m -> candidates.add(m.getBody().get("job")));
        for (String id : candidates) {
            String enqueuedAt = redis.hget(keys.job(id), "enqueuedAt");
            if (enqueuedAt != null) {
                Instant at = Instant.ofEpochMilli(Long.parseLong(enqueuedAt));
                oldest = at.isBefore(oldest) ? at : oldest;
            }
        }
        return new QueueStats(depth, Duration.between(oldest, now), redis.zcard(keys.dead()));
    }

    @Override
    public void ping() {
        redis.ping();
    }

    private Optional<Lease> toLease(
            RedisKeys keys,
            StreamMessage<String, String> message,
            String consumerId,
            long deliveries) {
        String id = message.getBody().get("job");
        Map<String, String> data = redis.hgetall(keys.job(id));
        if (data.isEmpty()) {
            // The job's data is gone (deleted by an operator): drop the orphan entry.
            redis.xack(keys.stream(), RedisKeys.GROUP, message.getId());
            redis.xdel(keys.stream(), message.getId());
            return Optional.empty();
        }
        int attempt = Integer.parseInt(data.get("attempts")) + (int) deliveries;
        return Optional.of(
                new Lease(job(keys.type(), id, data, attempt), consumerId, message.getId()));
    }

    private long deliveries(RedisKeys keys, String entryId) {
        List<PendingMessage> pending =
                redis.xpending(
                        keys.stream(),
                        RedisKeys.GROUP,
                        Range.create(entryId, entryId),
                        Limit.from(1));
        return pending.isEmpty() ? 1 : pending.get(0).getRedeliveryCount();
    }

    private static Job job(JobType type, String id, Map<String, String> data, int attempt) {
        return new Job(
                id,
                type,
                data.get("key"),
                data.get("payload"),
                attempt,
                Instant.ofEpochMilli(Long.parseLong(data.get("enqueuedAt"))),
                data.get("traceparent") == null || data.get("traceparent").isEmpty()
                        ? null
                        : data.get("traceparent"));
    }

    private RedisKeys keysOf(JobType type) {
        RedisKeys keys = new RedisKeys(type);
        if (groupsReady.add(type)) {
            try {
                redis.xgroupCreate(
                        XReadArgs.StreamOffset.from(keys.stream(), "0"),
                        RedisKeys.GROUP,
                        XGroupCreateArgs.Builder.mkstream());
            } catch (RedisBusyException exists) {
                // BUSYGROUP: created earlier or by another instance.
            }
        }
        return keys;
    }
}
