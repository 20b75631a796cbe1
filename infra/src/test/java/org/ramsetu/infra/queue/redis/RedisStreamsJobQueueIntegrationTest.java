package org.ramsetu.infra.queue.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.queue.JobQueue;
import org.ramsetu.infra.queue.JobQueueContract;
import org.ramsetu.infra.testing.RedisServerProcess;

class RedisStreamsJobQueueIntegrationTest extends JobQueueContract {

    @TempDir static Path dir;
    private static RedisServerProcess redis;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisStreamsJobQueue queue;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServerProcess.start(dir);
        client = RedisClient.create(redis.url());
        connection = client.connect();
        queue = new RedisStreamsJobQueue(connection.sync(), Clock.systemUTC());
    }

    @AfterAll
    static void stopRedis() {
        connection.close();
        client.shutdown();
        redis.close();
    }

    @BeforeEach
    void emptyQueue() {
        connection.sync().flushall();
        queue = new RedisStreamsJobQueue(connection.sync(), Clock.systemUTC());
    }

    @Override
    protected JobQueue queue() {
        return queue;
    }
}
