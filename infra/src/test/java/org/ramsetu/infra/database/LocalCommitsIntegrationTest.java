package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.cluster.ServiceInstance;
import org.ramsetu.infra.cluster.ServiceInstances;
import org.ramsetu.infra.postgres.PostgresTestServers;
import org.ramsetu.infra.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Write concern per kind of write, shown on a primary whose synchronous standby never answers
 * ({@code synchronous_standby_names} names one that does not exist): a commit with the server's
 * default {@code synchronous_commit = on} waits for it, a heartbeat (local commit) does not.
 */
class LocalCommitsIntegrationTest {

    @TempDir static Path dir;
    private static TestDatabase db;
    private static HikariDataSource oneConnection;
    private static JdbcClient jdbc;
    private static ServiceInstances instances;

    @BeforeAll
    static void start() {
        db = TestDatabase.start(dir);
        // One connection, so the test can look at the very session the heartbeat used.
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.server().jdbcUrl());
        config.setUsername(db.server().username());
        config.setPassword(db.server().password());
        config.setMaximumPoolSize(1);
        oneConnection = new HikariDataSource(config);
        jdbc = JdbcClient.create(oneConnection);
        instances =
                new ServiceInstances(
                        jdbc,
                        new LocalCommits(jdbc, new JdbcTransactionManager(oneConnection)),
                        Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        oneConnection.close();
        db.close();
    }

    @Test
    void heartbeatsCommitWithoutTheStandbyThatRegistrationsWaitFor() throws Exception {
        ServiceInstance instance =
                new ServiceInstance(
                        "api-1", "api", "host-1", 8080, "test", Instant.now(), Instant.now());
        instances.register(instance);
        requireAStandbyThatNeverAnswers(true);
        try {
            CompletableFuture<Void> heartbeat =
                    CompletableFuture.runAsync(() -> instances.heartbeat(instance));
            heartbeat.get(10, TimeUnit.SECONDS);

            CompletableFuture<Void> durable =
                    CompletableFuture.runAsync(
                            () ->
                                    instances.register(
                                            new ServiceInstance(
                                                    "api-2",
                                                    "api",
                                                    "host-2",
                                                    8080,
                                                    "test",
                                                    Instant.now(),
                                                    Instant.now())));
            try {
                durable.get(2, TimeUnit.SECONDS);
                throw new AssertionError("a durable commit did not wait for the standby");
            } catch (TimeoutException waitingForTheStandby) {
                // as it should
            }
            requireAStandbyThatNeverAnswers(false);
            durable.get(10, TimeUnit.SECONDS);
        } finally {
            requireAStandbyThatNeverAnswers(false);
        }
        assertThat(
                        jdbc.sql("select current_setting('synchronous_commit')")
                                .query(String.class)
                                .single())
                .as("SET LOCAL ended with the heartbeat's transaction")
                .isEqualTo("on");
    }

    @Test
    void aHeartbeatWritesTheRowAgainIfAFailoverLostIt() {
        ServiceInstance instance =
                new ServiceInstance(
                        "worker-9", "worker", "host-9", 8082, "test", Instant.now(), Instant.now());
        instances.register(instance);
        jdbc.sql("delete from service_instance where id = 'worker-9'").update();

        instances.heartbeat(instance);

        assertThat(
                        jdbc.sql("select target from service_instance where id = 'worker-9'")
                                .query(String.class)
                                .single())
                .isEqualTo("worker");
    }

    private static void requireAStandbyThatNeverAnswers(boolean on) throws SQLException {
        try (Connection c =
                        PostgresTestServers.superuser(
                                db.server().port(),
                                "postgres",
                                PostgresTestServers.superuserPassword(db.server()));
                Statement s = c.createStatement()) {
            s.execute(
                    on
                            ? "alter system set synchronous_standby_names = 'ghost_standby'"
                            : "alter system reset synchronous_standby_names");
            s.execute("select pg_reload_conf()");
        }
        // The reload reaches the backends asynchronously.
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
