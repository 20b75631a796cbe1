package org.ramsetu.infra.queue;

import io.lettuce.core.api.sync.RedisCommands;
import java.util.Optional;
import org.ramsetu.infra.redis.PrimaryConnection;
import org.ramsetu.infra.redis.RedisClients;

/**
 * The Redis client of the queue, when one is configured, with one shared thread-safe connection
 * that follows the primary through failovers ({@link PrimaryConnection}).
 */
public final class QueueRedis {

    private final Optional<RedisClients.Owned> client;
    private PrimaryConnection connection;
    private PrimaryConnection enqueueConnection;

    public QueueRedis(Optional<RedisClients.Owned> client) {
        this.client = client;
    }

    public boolean isConfigured() {
        return client.isPresent();
    }

    /** The queue's commands; connects on first use. */
    public synchronized RedisCommands<String, String> commands() {
        return connection().commands();
    }

    /**
     * Commands on a second connection, for enqueues that wait for a replica's acknowledgement
     * ({@code WAIT} blocks its connection, which must not hold up the consumers).
     */
    public synchronized RedisCommands<String, String> enqueueCommands() {
        if (enqueueConnection == null) {
            enqueueConnection = new PrimaryConnection(configured().client());
        }
        return enqueueConnection.commands();
    }

    synchronized PrimaryConnection connection() {
        if (connection == null) {
            connection = new PrimaryConnection(configured().client());
        }
        return connection;
    }

    private RedisClients.Owned configured() {
        return client.orElseThrow(() -> new IllegalStateException("no Redis configured"));
    }

    public synchronized void shutdown() {
        if (connection != null) {
            connection.close();
        }
        if (enqueueConnection != null) {
            enqueueConnection.close();
        }
        client.ifPresent(RedisClients.Owned::close);
    }
}
