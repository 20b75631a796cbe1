package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.StreamingStandby;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Replica reads against a real streaming standby of a real primary: reads go to the standby while
 * it keeps up, to the primary once it lags beyond the limit (replay paused while the primary takes
 * writes) or is gone, and back when it catches up; the gauges say which.
 */
class ReplicaReadsIntegrationTest {

    private static final Duration MAX_LAG = Duration.ofSeconds(1);

    @TempDir static Path dir;
    private static TestDatabase primary;
    private static StreamingStandby standby;

    @BeforeAll
    static void startPrimaryAndStandby() throws Exception {
        primary = TestDatabase.start(dir.resolve("primary"));
        primary.jdbc().sql("create table replica_probe (id int primary key)").update();
        standby = StreamingStandby.of(primary.server(), dir.resolve("standby"));
    }

    @AfterAll
    static void stop() {
        if (standby != null) {
            standby.close();
        }
        primary.close();
    }

    @Test
    void readsFollowTheReplicasLagAndTheGaugesSaySo() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        HikariDataSource pool =
                DatabaseConfiguration.replicaPool(
                        new RamsetuSettings.ReadReplica(
                                standby.jdbcUrl(),
                                Optional.of(primary.server().username()),
                                Optional.of(
                                        new RamsetuSettings.Secret(primary.server().password()))),
                        new ReplicaProperties(MAX_LAG, Duration.ofMillis(200), 2),
                        primary.dataSource());
        assertThat(pool.getPoolName()).isEqualTo("ramsetu-db-replica");
        assertThat(pool.isReadOnly()).isTrue();
        try (ReplicaReads reads =
                ReplicaReads.withReplica(
                        primary.dataSource(),
                        primary.jdbc(),
                        new JdbcTransactionManager(primary.dataSource()),
                        pool,
                        MAX_LAG,
                        Duration.ofMillis(200),
                        meters)) {
            await(reads::replicaInUse, "the replica in use");
            assertThat(servedByStandby(reads)).isTrue();
            assertThat(gauge(meters, "ramsetu.db.replica.in.use")).isEqualTo(1);
            assertThat(gauge(meters, "ramsetu.db.replica.lag.seconds"))
                    .isBetween(0.0, MAX_LAG.toSeconds() * 1.0);

            primary.jdbc().sql("insert into replica_probe values (1)").update();
            await(() -> probes(reads) == 1, "the write replicated");

            standby.pauseReplay();
            primary.jdbc().sql("insert into replica_probe values (2)").update();
            await(() -> !reads.replicaInUse(), "the lagging replica left");
            assertThat(servedByStandby(reads)).isFalse();
            assertThat(probes(reads)).as("the primary has the latest write").isEqualTo(2);
            assertThat(gauge(meters, "ramsetu.db.replica.in.use")).isZero();
            assertThat(gauge(meters, "ramsetu.db.replica.lag.seconds"))
                    .isGreaterThan(MAX_LAG.toSeconds() * 1.0);

            standby.resumeReplay();
            await(reads::replicaInUse, "the caught-up replica in use again");
            assertThat(probes(reads)).isEqualTo(2);
            assertThat(servedByStandby(reads)).isTrue();

            standby.stop();
            await(() -> !reads.replicaInUse(), "the stopped replica left");
            assertThat(servedByStandby(reads)).isFalse();
            assertThat(gauge(meters, "ramsetu.db.replica.lag.seconds")).isNaN();
            assertThat(reads(meters, "replica")).isPositive();
            assertThat(reads(meters, "primary")).isPositive();
        }
    }

    @Test
    void withoutAReplicaEveryReadGoesToThePrimary() {
        ReplicaReads reads =
                ReplicaReads.primaryOnly(
                        primary.dataSource(),
                        primary.jdbc(),
                        new JdbcTransactionManager(primary.dataSource()));

        assertThat(reads.hasReplica()).isFalse();
        assertThat(reads.source().replica()).isFalse();
        assertThat(servedByStandby(reads)).isFalse();
        reads.close();
    }

    private static boolean servedByStandby(ReplicaReads reads) {
        return reads.jdbc().sql("select pg_is_in_recovery()").query(Boolean.class).single();
    }

    private static long probes(ReplicaReads reads) {
        return reads.jdbc().sql("select count(*) from replica_probe").query(Long.class).single();
    }

    private static double gauge(SimpleMeterRegistry meters, String name) {
        return meters.get(name).gauge().value();
    }

    private static double reads(SimpleMeterRegistry meters, String servedBy) {
        return meters.get("ramsetu.db.replica.reads").tag("served.by", servedBy).counter().count();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
