package org.ramsetu.platform.accounts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.ramsetu.platform.security.SessionRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ended sessions kept in memory, so checking a request's session costs a map lookup instead of a
 * query. A background thread holds one connection to the primary that listens on {@code
 * ramsetu_session_revoked} (the trigger of V200 notifies each revocation when it commits) and then
 * loads the whole table, which the hourly purge keeps small; each notification reloads that
 * account's rows. Revocations made by this instance are applied as soon as they commit, without
 * waiting for the notification; those of other instances arrive within the time a notification
 * takes (milliseconds).
 *
 * <p>Whenever the listening connection is not known to be healthy (starting, broken, a primary
 * failing over, being renewed every few minutes) the cache is not trusted and every check is a
 * primary-key read of the table ({@link RevokedSessions}): the cache only makes the common case
 * cheap. A closed connection is found within about 1.5 s (the wait for notifications and the ping),
 * a silently dropped one when the ping fails; a revocation by another instance in that moment is
 * heard only when the listener reloads. Gauge {@code ramsetu.security.session.cache.live}.
 */
final class RevocationCache implements SessionRevocations, AutoCloseable {

    static final String CHANNEL = "ramsetu_session_revoked";

    private static final Logger LOG = LoggerFactory.getLogger(RevocationCache.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration PING_EVERY = Duration.ofSeconds(1);
    private static final int PING_TIMEOUT_MILLIS = 3_000;
    private static final Duration RENEW_EVERY = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final RevokedSessions database;
    private final DataSource dataSource;
    private final Thread listener;

    private volatile boolean running = true;
    private volatile boolean live;

    /** Ended sessions: family (session id) to account. */
    private volatile Map<UUID, UUID> families = new ConcurrentHashMap<>();

    /** Per account, the latest revocation: judges tokens without a session id. */
    private volatile Map<UUID, Instant> latest = new ConcurrentHashMap<>();

    RevocationCache(RevokedSessions database, DataSource dataSource, MeterRegistry meters) {
        this.database = database;
        this.dataSource = dataSource;
        Gauge.builder("ramsetu.security.session.cache.live", this, c -> c.live ? 1 : 0)
                .description("1 while ended sessions are checked in memory, 0 while by query")
                .register(meters);
        this.listener = new Thread(this::listen, "session-revocation-listener");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    @Override
    public boolean ended(UUID accountId, UUID sessionId, Instant issuedAt) {
        if (!live) {
            return database.ended(accountId, sessionId, issuedAt);
        }
        if (sessionId != null) {
            return accountId.equals(families.get(sessionId));
        }
        Instant last = latest.get(accountId);
        return last != null && !last.isBefore(issuedAt);
    }

    /** Whether checks are answered from memory now (for tests and the gauge). */
    boolean live() {
        return live;
    }

    /**
     * Some sessions of the account ended in a transaction that has just committed here: apply them
     * now. If they cannot be read, stop trusting the cache until the listener has reloaded it.
     */
    void accountChanged(UUID accountId) {
        if (!live) {
            return;
        }
        try {
            database.ofAccount(accountId).forEach(this::apply);
        } catch (RuntimeException e) {
            live = false;
            LOG.warn("Could not read the ended sessions of an account; checking by query", e);
        }
    }

    private void apply(RevokedSessions.Ended ended) {
        families.put(ended.familyId(), ended.accountId());
        latest.merge(ended.accountId(), ended.revokedAt(), (a, b) -> a.isAfter(b) ? a : b);
    }

    private void listen() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                connection.setNetworkTimeout(Runnable::run, PING_TIMEOUT_MILLIS);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // Listening first, then loading: a revocation committed in between is in the
                // table or in a notification waiting on this connection, or both.
                reload();
                live = true;
                backoff = Duration.ofMillis(250);
                hear(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warn(
                            "Not hearing session revocations ({}); checking sessions by query"
                                    + " until it is back",
                            e.toString());
                }
            } finally {
                live = false;
            }
            if (running) {
                sleep(backoff);
                backoff =
                        backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                                ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
            }
        }
    }

    /** Applies notifications until the connection is due for renewal, fails or the cache closes. */
    private void hear(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        Instant renewAt = Instant.now().plus(RENEW_EVERY);
        Instant pingAt = Instant.now().plus(PING_EVERY);
        while (running && Instant.now().isBefore(renewAt)) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    database.ofAccount(UUID.fromString(notification.getParameter()))
                            .forEach(this::apply);
                }
            }
            if (Instant.now().isAfter(pingAt)) {
                // A connection can die without a word (a partition); a query finds out.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                pingAt = Instant.now().plus(PING_EVERY);
            }
        }
    }

    private void reload() {
        Map<UUID, UUID> loadedFamilies = new ConcurrentHashMap<>();
        Map<UUID, Instant> loadedLatest = new ConcurrentHashMap<>();
        for (RevokedSessions.Ended ended : database.all()) {
            loadedFamilies.put(ended.familyId(), ended.accountId());
            loadedLatest.merge(
                    ended.accountId(), ended.revokedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        families = loadedFamilies;
        latest = loadedLatest;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        live = false;
        listener.interrupt();
        try {
            listener.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
