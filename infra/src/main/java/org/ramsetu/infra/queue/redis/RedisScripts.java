package org.ramsetu.infra.queue.redis;

/**
 * Lua scripts that make each state change of a job atomic in Redis. Keys of one job type share the
 * hash tag {@code {type}} so the scripts also run on Redis Cluster. Lease fencing: a script acting
 * on a delivery first checks that the stream entry is still pending for that consumer.
 */
final class RedisScripts {

    private RedisScripts() {}

    /**
     * KEYS: dedup key, job hash, stream. ARGV: new id, idempotency key, payload, now ms, trace
     * parent ("" for none).
     */
    static final String ENQUEUE =
            """
            local existing = redis.call('GET', KEYS[1])
            if existing then return {existing, 1} end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[2], 'key', ARGV[2], 'payload', ARGV[3], 'attempts', '0',
                       'enqueuedAt', ARGV[4], 'traceparent', ARGV[5])
            redis.call('XADD', KEYS[3], '*', 'job', ARGV[1])
            return {ARGV[1], 0}
            """;

    /** KEYS: delayed zset, stream. ARGV: now ms, max to move. */
    static final String PROMOTE_DUE =
            """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
            for _, id in ipairs(due) do
              redis.call('ZREM', KEYS[1], id)
              redis.call('XADD', KEYS[2], '*', 'job', id)
            end
            return #due
            """;

    private static final String FENCE =
            """
            local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
            if #p == 0 or p[1][2] ~= ARGV[3] then return 0 end
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            redis.call('XDEL', KEYS[1], ARGV[2])
            """;

    /** KEYS: stream, job hash. ARGV: group, entry id, consumer. */
    static final String COMPLETE = FENCE + "redis.call('DEL', KEYS[2])\nreturn 1\n";

    /**
     * KEYS: stream, job hash, delayed zset. ARGV: group, entry, consumer, run-at ms, error,
     * attempt, job id.
     */
    static final String RETRY_LATER =
            FENCE
                    + """
                    redis.call('HSET', KEYS[2], 'attempts', ARGV[6], 'lastError', ARGV[5])
                    redis.call('ZADD', KEYS[3], ARGV[4], ARGV[7])
                    return 1
                    """;

    /**
     * KEYS: stream, job hash, dead zset. ARGV: group, entry, consumer, now ms, error, attempt, job
     * id.
     */
    static final String BURY =
            FENCE
                    + """
                    redis.call('HSET', KEYS[2], 'attempts', ARGV[6], 'lastError', ARGV[5])
                    redis.call('ZADD', KEYS[3], ARGV[4], ARGV[7])
                    return 1
                    """;

    /** KEYS: stream. ARGV: group, entry, consumer, job id. */
    static final String RELEASE =
            FENCE + "redis.call('XADD', KEYS[1], '*', 'job', ARGV[4])\nreturn 1\n";

    /** KEYS: dead zset, job hash, stream. ARGV: job id. */
    static final String REDRIVE =
            """
            if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[2], 'attempts', '0')
            redis.call('XADD', KEYS[3], '*', 'job', ARGV[1])
            return 1
            """;
}
