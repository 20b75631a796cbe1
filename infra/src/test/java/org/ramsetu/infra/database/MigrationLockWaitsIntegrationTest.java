package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ramsetu.infra.database.MigrationFixtures.dataSource;
import static org.ramsetu.infra.database.MigrationFixtures.firstValue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;

/**
 * A migration that needs a lock the running release holds gives way within its lock timeout instead
 * of queueing every request behind it, and is tried again until it gets through.
 */
class MigrationLockWaitsIntegrationTest {

    @TempDir Path dir;

    @Test
    void aMigrationBehindALongTransactionGivesWayAndIsTriedAgainUntilItGetsThrough()
            throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("pg"))) {
            PGSimpleDataSource ds = dataSource(db);
            Flyway flyway =
                    flyway(ds, "V1__listing.sql", "create table listing (id int primary key);");
            flyway.migrate();
            Flyway next =
                    flyway(
                            ds,
                            "V2__listing_labs.sql",
                            "alter table listing add column labs_reported_at timestamptz;");

            try (Connection report = ds.getConnection();
                    Connection request = ds.getConnection()) {
                // A long reader: holds ACCESS SHARE on listing until it ends.
                report.setAutoCommit(false);
                try (Statement s = report.createStatement()) {
                    s.execute("select count(*) from listing");
                }
                try (Statement s = request.createStatement()) {
                    // Without the short lock waits an insert would queue behind the ALTER until
                    // the report ends: fail in 5 s instead of hanging.
                    s.execute("set statement_timeout = 5000");
                }
                CompletableFuture<Void> migrating =
                        CompletableFuture.runAsync(
                                () -> FlywayScans.migrate(next, 12, Duration.ofMillis(200)));
                // While the migration retries, requests on the table are never stuck behind it
                // for longer than its lock timeout.
                long longestWaitMillis = 0;
                for (int i = 0; i < 6; i++) {
                    long start = System.nanoTime();
                    try (Statement s = request.createStatement()) {
                        s.execute("insert into listing values (" + i + ")");
                    }
                    longestWaitMillis =
                            Math.max(longestWaitMillis, (System.nanoTime() - start) / 1_000_000);
                    Thread.sleep(300);
                }
                assertThat(longestWaitMillis).isLessThan(1_500);
                assertThat(migrating).isNotDone();

                report.commit();
                migrating.get(30, TimeUnit.SECONDS);
            }
            assertThat(columns(ds, "listing")).contains("labs_reported_at");
            assertThat(lockTimeoutOfANewConnection(ds)).isEqualTo("0");
        }
    }

    @Test
    void aMigrationThatNeverGetsTheLockFailsTheStartAfterItsAttempts() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("pg"))) {
            PGSimpleDataSource ds = dataSource(db);
            flyway(ds, "V1__listing.sql", "create table listing (id int primary key);").migrate();
            Flyway next =
                    flyway(ds, "V2__listing_more.sql", "alter table listing add column more int;");
            try (Connection report = ds.getConnection()) {
                report.setAutoCommit(false);
                try (Statement s = report.createStatement()) {
                    s.execute("select count(*) from listing");
                }
                assertThatThrownBy(() -> FlywayScans.migrate(next, 2, Duration.ofMillis(100)))
                        .isInstanceOf(FlywayException.class)
                        .satisfies(e -> assertThat(MigrationLockWaits.gaveWayToALock(e)).isTrue());
                report.rollback();
            }
            // Rolled back whole: nothing recorded as failed, the next start applies it.
            FlywayScans.migrate(next, 1, Duration.ZERO);
            assertThat(columns(ds, "listing")).contains("more");
        }
    }

    /**
     * {@code CREATE INDEX CONCURRENTLY} waits for every open transaction; with Flyway's default
     * lock (held in an open transaction) it would wait for Flyway itself, forever.
     */
    @Test
    void anIndexBuiltConcurrentlyDoesNotWaitForFlywaysOwnLock() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("pg"))) {
            PGSimpleDataSource ds = dataSource(db);
            flyway(ds, "V1__listing.sql", "create table listing (id int primary key, due int);");
            Flyway flyway =
                    flyway(
                            ds,
                            "V2__listing_due.sql",
                            "create index concurrently listing_due_idx on listing (due);");
            CompletableFuture.runAsync(() -> FlywayScans.migrate(flyway, 1, Duration.ZERO))
                    .get(60, TimeUnit.SECONDS);
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "select i.indisvalid from pg_index i join pg_class c"
                                            + " on c.oid = i.indexrelid"
                                            + " where c.relname = 'listing_due_idx'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        assertThat(MigrationLockWaits.gaveWayToALock(new FlywayException("checksum mismatch")))
                .isFalse();
        assertThat(
                        MigrationLockWaits.gaveWayToALock(
                                new FlywayException(
                                        "wrapped", new SQLException("timeout", "55P03"))))
                .isTrue();
    }

    private static String columns(PGSimpleDataSource ds, String table) throws SQLException {
        return firstValue(
                ds,
                "select string_agg(column_name, ',') from information_schema.columns"
                        + " where table_name = '"
                        + table
                        + "'");
    }

    private static String lockTimeoutOfANewConnection(PGSimpleDataSource ds) throws SQLException {
        return firstValue(ds, "show lock_timeout");
    }

    private Flyway flyway(PGSimpleDataSource ds, String name, String sql) throws Exception {
        return MigrationFixtures.flyway(dir, ds, name, sql);
    }
}
