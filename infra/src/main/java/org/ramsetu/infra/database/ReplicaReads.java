package org.ramsetu.infra.database;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Where reads go that may be a little stale: coordinator directories, dashboard figures, CSV
 * exports. With a read replica ({@code RAMSETU_DB_READ_URL}) they go to it while its replication
 * lag is at most {@code max-lag}, and to the primary otherwise (lag above the limit, unknown, or
 * the replica unreachable); without one, always to the primary.
 *
 * <p>The lag is measured on the replica by a background thread, never on a request's path: 0 when
 * the replica has replayed all the WAL it received and its WAL receiver is streaming (an idle
 * primary sends nothing, and the age of the last replayed transaction would grow without anything
 * being missing); otherwise the age of the last replayed transaction; 0 on a server that is not in
 * recovery (a promoted replica is as fresh as it gets). A replica whose connection fails is left at
 * once, until the next measurement succeeds.
 *
 * <p>Not for reads that are followed by a write based on them, or that must see a write just made
 * (a user reading back the record they created, match runs, approvals, sign-in): those use the
 * primary's own {@link JdbcClient}.
 *
 * <p>Deliberately not a {@link DataSource} bean: a second one would make Spring Boot's primary data
 * source (and everything built on it) back off.
 */
public final class ReplicaReads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaReads.class);

    /**
     * One place reads can go: its connections, a client and transactions on them.
     *
     * @param replica whether this is the read replica (else the primary)
     */
    public record Source(
            boolean replica,
            DataSource dataSource,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {}

    /** What the last measurement found. */
    record Lag(double seconds, String why) {
        static Lag unknown(String why) {
            return new Lag(Double.NaN, why);
        }

        boolean isKnown() {
            return !Double.isNaN(seconds);
        }
    }

    private final Source primary;
    private final Optional<Source> replica;
    private final Optional<HikariDataSource> replicaPool;
    private final Duration maxLag;
    private final ScheduledExecutorService checker;
    private final Counter readsOnReplica;
    private final Counter readsOnPrimary;
    private volatile Lag lag = Lag.unknown("not measured yet");
    private volatile boolean useReplica;

    private ReplicaReads(
            Source primary,
            Optional<HikariDataSource> replicaPool,
            Duration maxLag,
            Duration checkInterval,
            MeterRegistry meters) {
        this.primary = primary;
        this.replicaPool = replicaPool;
        this.maxLag = maxLag;
        this.replica = replicaPool.map(this::replicaSource);
        if (replica.isEmpty()) {
            this.checker = null;
            this.readsOnReplica = null;
            this.readsOnPrimary = null;
            return;
        }
        Gauge.builder("ramsetu.db.replica.lag.seconds", this, r -> r.lag.seconds())
                .description("Replication lag of the read replica; NaN while unknown")
                .register(meters);
        Gauge.builder("ramsetu.db.replica.in.use", this, r -> r.useReplica ? 1 : 0)
                .description("1 while staleness-tolerant reads go to the read replica, else 0")
                .register(meters);
        this.readsOnReplica = reads(meters, "replica");
        this.readsOnPrimary = reads(meters, "primary");
        this.checker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "replica-lag");
                            t.setDaemon(true);
                            return t;
                        });
        checker.scheduleWithFixedDelay(
                this::measure, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every read goes to the primary (no replica configured). */
    public static ReplicaReads primaryOnly(
            DataSource primary, JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new ReplicaReads(
                new Source(false, primary, jdbc, transactions),
                Optional.empty(),
                Duration.ZERO,
                Duration.ofSeconds(1),
                null);
    }

    /**
     * Reads go to {@code replicaPool} while its lag is at most {@code maxLag}; this object owns the
     * pool and closes it.
     */
    public static ReplicaReads withReplica(
            DataSource primary,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            HikariDataSource replicaPool,
            Duration maxLag,
            Duration checkInterval,
            MeterRegistry meters) {
        return new ReplicaReads(
                new Source(false, primary, jdbc, transactions),
                Optional.of(replicaPool),
                maxLag,
                checkInterval,
                meters);
    }

    private static Counter reads(MeterRegistry meters, String servedBy) {
        return Counter.builder("ramsetu.db.replica.reads")
                .description("Staleness-tolerant reads, by the server that answered them")
                .tag("served.by", servedBy)
                .register(meters);
    }

    private Source replicaSource(HikariDataSource pool) {
        // A failed connect means the replica is gone: leave it now, not at the next measurement.
        DataSource leaveOnFailure =
                new DelegatingDataSource(pool) {
                    @Override
                    public Connection getConnection() throws SQLException {
                        try {
                            return super.getConnection();
                        } catch (SQLException e) {
                            leave(Lag.unknown("no connection: " + e.getMessage()));
                            throw e;
                        }
                    }
                };
        return new Source(
                true,
                leaveOnFailure,
                JdbcClient.create(leaveOnFailure),
                new JdbcTransactionManager(leaveOnFailure));
    }

    /** Where the next staleness-tolerant read goes. */
    public Source source() {
        if (replica.isEmpty()) {
            return primary;
        }
        if (useReplica) {
            readsOnReplica.increment();
            return replica.get();
        }
        readsOnPrimary.increment();
        return primary;
    }

    /** A client for one staleness-tolerant read (or several that need not agree). */
    public JdbcClient jdbc() {
        return source().jdbc();
    }

    /** Whether a replica is configured at all. */
    public boolean hasReplica() {
        return replica.isPresent();
    }

    /** Whether reads go to the replica now. */
    public boolean replicaInUse() {
        return useReplica;
    }

    /** The replica's lag as last measured; NaN when unknown (unreachable, not yet measured). */
    public double lagSeconds() {
        return lag.seconds();
    }

    void measure() {
        Lag measured;
        try {
            measured =
                    replica.get()
                            .jdbc()
                            .sql(
                                    """
                                    select pg_is_in_recovery() as in_recovery,
                                        coalesce(pg_last_wal_receive_lsn()
                                            = pg_last_wal_replay_lsn(), false) as replayed_all,
                                        (select status from pg_stat_wal_receiver) as receiver,
                                        (select pid from pg_stat_wal_receiver) as receiver_pid,
                                        extract(epoch from now() - pg_last_xact_replay_timestamp())
                                            as since_last_replay
                                    """)
                            .query(
                                    (rs, n) -> {
                                        if (!rs.getBoolean("in_recovery")) {
                                            return new Lag(0, "not in recovery (promoted)");
                                        }
                                        // Without pg_read_all_stats the receiver's details are
                                        // hidden; a running receiver is then taken as streaming.
                                        String receiver = rs.getString("receiver");
                                        boolean streaming =
                                                "streaming".equals(receiver)
                                                        || (receiver == null
                                                                && rs.getObject("receiver_pid")
                                                                        != null);
                                        if (rs.getBoolean("replayed_all") && streaming) {
                                            return new Lag(
                                                    0, "streaming, all received WAL replayed");
                                        }
                                        double age = rs.getDouble("since_last_replay");
                                        return rs.wasNull()
                                                ? Lag.unknown("nothing replayed yet")
                                                : new Lag(
                                                        Math.max(0, age),
                                                        "behind (WAL receiver "
                                                                + (receiver == null
                                                                        ? "hidden without"
                                                                                + " pg_read_all_stats"
                                                                        : receiver)
                                                                + "), since the last replayed"
                                                                + " transaction");
                                    })
                            .single();
        } catch (RuntimeException e) {
            measured =
                    Lag.unknown(
                            "unreachable: "
                                    + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        }
        boolean fresh = measured.isKnown() && measured.seconds() <= maxLag.toMillis() / 1000.0;
        if (fresh) {
            use(measured);
        } else {
            leave(measured);
        }
    }

    private synchronized void use(Lag measured) {
        lag = measured;
        if (!useReplica) {
            LOG.info(
                    "Read replica in use for staleness-tolerant reads (lag {} s, {})",
                    measured.seconds(),
                    measured.why());
        }
        useReplica = true;
    }

    private synchronized void leave(Lag measured) {
        lag = measured;
        if (useReplica) {
            LOG.warn(
                    "Read replica left, reads go to the primary: lag {} s (limit {} s), {}",
                    measured.seconds(),
                    maxLag.toMillis() / 1000.0,
                    measured.why());
        }
        useReplica = false;
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
        replicaPool.ifPresent(HikariDataSource::close);
    }
}
