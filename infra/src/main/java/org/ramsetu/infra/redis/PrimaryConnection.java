package org.ramsetu.infra.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread-safe connection shared by all callers, replaced by a new one when it is stuck with a
 * server that is no longer the primary. Lettuce reconnects by itself after a disconnect; it does
 * not when the connection stays up but leads nowhere useful:
 *
 * <ul>
 *   <li>the server was demoted without dropping its clients and answers writes with {@code
 *       READONLY} ({@link DemotedPrimary});
 *   <li>the server's host vanished while commands were in flight: unacknowledged data keeps TCP
 *       retransmitting (and keep-alive silent) for about 15 minutes, every command timing out.
 * </ul>
 *
 * After a {@code READONLY} reply, or {@value #TIMEOUTS_BEFORE_RECONNECT} timeouts in a row with no
 * success between them, the next connection is made afresh, which with a Sentinel URL asks the
 * Sentinels where the primary is now. If that connect fails the old connection is kept (Lettuce
 * keeps reconnecting it) and the next failure tries again.
 */
public final class PrimaryConnection implements AutoCloseable {

    static final int TIMEOUTS_BEFORE_RECONNECT = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PrimaryConnection.class);

    private final RedisClient client;
    private final AtomicInteger timeoutsInARow = new AtomicInteger();
    private final AtomicLong replaced = new AtomicLong();
    private volatile StatefulRedisConnection<String, String> current;
    private volatile boolean closed;

    /** Connects on first use: Redis being away when an instance starts is no reason to fail. */
    public PrimaryConnection(RedisClient client) {
        this.client = client;
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = current;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Redis connection is closed");
            }
            if (current == null) {
                current = client.connect(); // throws while Redis is unreachable; tried again next
            }
            return current;
        }
    }

    /** Commands on whichever connection is current when each is called. */
    @SuppressWarnings("unchecked")
    public RedisCommands<String, String> commands() {
        return (RedisCommands<String, String>)
                Proxy.newProxyInstance(
                        RedisCommands.class.getClassLoader(),
                        new Class<?>[] {RedisCommands.class},
                        (proxy, method, args) -> invoke(method, args));
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(this, args);
        }
        StatefulRedisConnection<String, String> used = connection();
        try {
            Object result = method.invoke(used.sync(), args);
            timeoutsInARow.set(0);
            return result;
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            if (DemotedPrimary.isReadOnlyReply(failure)) {
                replace(used, "the server answered READONLY (no longer the primary)");
            } else if (failure instanceof RedisCommandTimeoutException
                    && timeoutsInARow.incrementAndGet() >= TIMEOUTS_BEFORE_RECONNECT) {
                replace(used, TIMEOUTS_BEFORE_RECONNECT + " commands in a row timed out");
            }
            throw failure;
        }
    }

    private synchronized void replace(StatefulRedisConnection<String, String> stale, String why) {
        if (closed || current != stale) {
            return; // another thread replaced it already
        }
        try {
            current = client.connect();
            timeoutsInARow.set(0);
            replaced.incrementAndGet();
            LOG.warn("Redis: {}; connected afresh", why);
            stale.closeAsync();
        } catch (RuntimeException e) {
            LOG.warn("Redis: {}; connecting afresh failed too ({})", why, e.getMessage());
        }
    }

    /** How many times the connection was replaced, for tests and operators. */
    public long replacements() {
        return replaced.get();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
    }
}
