package org.ramsetu.infra.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ramsetu.infra.database.LocalCommits;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared table of running instances; every instance of every target writes its own row. The
 * heartbeat, written every few seconds by every instance, commits without waiting for a standby
 * ({@link LocalCommits}): one lost in a failover is written again at the next beat.
 */
public class ServiceInstances {

    /** Rows older than this are removed when an instance registers, so the table stays small. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final LocalCommits localCommits;
    private final Clock clock;

    public ServiceInstances(JdbcClient jdbc, LocalCommits localCommits, Clock clock) {
        this.jdbc = jdbc;
        this.localCommits = localCommits;
        this.clock = clock;
    }

    public void register(ServiceInstance instance) {
        Instant now = clock.instant();
        jdbc.sql("delete from service_instance where heartbeat_at < ?")
                .param(Timestamp.from(now.minus(FORGET_AFTER)))
                .update();
        upsert(instance, now);
    }

    /**
     * Refreshes the instance's row, writing it whole again if it is gone: a failover may lose the
     * last commits of the old primary, the registration among them.
     */
    public void heartbeat(ServiceInstance instance) {
        localCommits.inTransaction(() -> upsert(instance, clock.instant()));
    }

    /** Writes the instance's row, or only its heartbeat when the row is there. */
    private int upsert(ServiceInstance instance, Instant now) {
        return jdbc.sql(
                        """
                        insert into service_instance
                            (id, target, host, port, version, started_at, heartbeat_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set heartbeat_at = excluded.heartbeat_at
                        """)
                .params(
                        instance.id(),
                        instance.target(),
                        instance.host(),
                        instance.port(),
                        instance.version(),
                        Timestamp.from(instance.startedAt()),
                        Timestamp.from(now))
                .update();
    }

    public void deregister(String id) {
        jdbc.sql("delete from service_instance where id = ?").param(id).update();
    }

    /** Instances whose last heartbeat is at most {@code maxSilence} old, oldest start first. */
    public List<ServiceInstance> live(Duration maxSilence) {
        return jdbc.sql(
                        """
                        select id, target, host, port, version, started_at, heartbeat_at
                        from service_instance where heartbeat_at >= ?
                        order by started_at, id
                        """)
                .param(Timestamp.from(clock.instant().minus(maxSilence)))
                .query(
                        (rs, n) ->
                                new ServiceInstance(
                                        rs.getString("id"),
                                        rs.getString("target"),
                                        rs.getString("host"),
                                        rs.getInt("port"),
                                        rs.getString("version"),
                                        rs.getTimestamp("started_at").toInstant(),
                                        rs.getTimestamp("heartbeat_at").toInstant()))
                .list();
    }
}
