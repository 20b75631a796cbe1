package org.ramsetu.infra.queue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.PostgresTestServers;
import org.ramsetu.infra.queue.NewJob;
import org.ramsetu.infra.queue.postgres.PostgresJobQueue;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The PostgreSQL queue's consumers while their database crashes and comes back (as in a failover,
 * where the connections die and new ones reach the promoted server): every consumer keeps running,
 * backs off while the database is away, resumes on its own, and every job's effect is applied
 * exactly once.
 */
class DatabaseOutageIntegrationTest {

    @TempDir Path dir;

    @Test
    void consumersSurviveACrashedDatabaseAndFinishEveryJobOnce() throws Exception {
        try (TestDatabase db = TestDatabase.start(dir.resolve("pg"));
                HikariDataSource pool = applicationLikePool(db)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            PostgresJobQueue queue = new PostgresJobQueue(jdbc, Clock.systemUTC());
            CountingEffectHandler.createTable(jdbc);
            for (int i = 0; i < 300; i++) {
                queue.enqueue(new NewJob(CountingEffectHandler.TYPE, "j" + i, "{}"));
            }
            CountingEffectHandler handler =
                    new CountingEffectHandler(jdbc, tx, Duration.ofSeconds(2));
            JobWorker worker =
                    new JobWorker(
                            queue,
                            List.of(handler),
                            "survivor",
                            new JobOutcomes(new SimpleMeterRegistry()),
                            Duration.ofSeconds(5),
                            Duration.ofMillis(50));
            worker.start();
            try {
                await(() -> count(jdbc) >= 30, Duration.ofSeconds(30));
                PostgresTestServers.crash(db.server());
                Thread.sleep(3_000);
                assertThat(worker.isRunning()).isTrue();
                PostgresTestServers.restart(db.server(), dir.resolve("restarted.log"));

                await(() -> count(jdbc) == 300, Duration.ofSeconds(60));
                await(
                        () -> queue.stats(CountingEffectHandler.TYPE).depth() == 0,
                        Duration.ofSeconds(30));
            } finally {
                worker.stop();
            }
            assertThat(
                            jdbc.sql("select count(distinct job_key) from test_effect")
                                    .query(Long.class)
                                    .single())
                    .isEqualTo(300);
        }
    }

    /** Pooled as application.properties configures the application's pool. */
    private static HikariDataSource applicationLikePool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.server().jdbcUrl());
        config.setUsername(db.server().username());
        config.setPassword(db.server().password());
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }

    private static long count(JdbcClient jdbc) {
        try {
            return jdbc.sql("select count(*) from test_effect").query(Long.class).single();
        } catch (RuntimeException databaseAway) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(100);
        }
    }
}
