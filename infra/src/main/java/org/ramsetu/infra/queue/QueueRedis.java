package org.ramsetu.infra.queue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Optional;

/**
 * The Redis client of the queue, when one is configured, with one shared thread-safe connection.
 */
public final class QueueRedis {

    private final Optional<RedisClient> client;
    private StatefulRedisConnection<String, String> connection;

    public QueueRedis(Optional<RedisClient> client) {
        this.client = client;
    }

    public Optional<RedisClient> client() {
        return client;
    }

    public synchronized StatefulRedisConnection<String, String> connection() {
        if (connection == null) {
            connection =
                    client.orElseThrow(() -> new IllegalStateException("no Redis configured"))
                            .connect();
        }
        return connection;
    }

    public synchronized void shutdown() {
        if (connection != null) {
            connection.close();
        }
        client.ifPresent(RedisClient::shutdown);
    }
}
