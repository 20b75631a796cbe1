package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;

/**
 * The pool settings that let the application follow a failover, against a real server: a connection
 * that met a read-only server is not handed out again, and the socket timeout that bounds a
 * request's statement does not cut off a long migration.
 */
class FailoverConnectionSettingsIntegrationTest {

    @TempDir static Path dir;
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgresServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HikariDataSource pool(
            boolean evictOnReadOnly, int socketTimeoutSeconds, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(size);
        // A string: the driver reads its properties with getProperty, which ignores other values.
        config.addDataSourceProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        if (evictOnReadOnly) {
            // As application.properties sets it.
            config.setExceptionOverrideClassName(FailoverConnectionEviction.class.getName());
        }
        return new HikariDataSource(config);
    }

    @Test
    void aConnectionThatMetAReadOnlyServerIsReplaced() throws Exception {
        // One connection each, so that the next borrower gets the same one unless it was evicted.
        try (HikariDataSource evicting = pool(true, 0, 1);
                HikariDataSource plain = pool(false, 0, 1)) {
            int refusedOn = backendAfterAReadOnlyRefusal(evicting);
            assertThat(backend(evicting))
                    .as("a new connection replaced it")
                    .isNotEqualTo(refusedOn);
            int keptOn = backendAfterAReadOnlyRefusal(plain);
            assertThat(backend(plain)).as("Hikari's default keeps it").isEqualTo(keptOn);
        }
    }

    /** The backend that refused a write as read-only (25006), as a demoted primary would. */
    private static int backendAfterAReadOnlyRefusal(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            int pid = pid(s);
            s.execute("set session characteristics as transaction read only");
            assertThatThrownBy(() -> s.execute("create temporary table t (id int)"))
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("25006"));
            return pid;
        }
    }

    private static int backend(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            return pid(s);
        }
    }

    private static int pid(Statement s) throws SQLException {
        try (var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aMigrationMayRunLongerThanTheSocketTimeoutOfRequests() throws Exception {
        // Flyway holds one connection for its lock and history while it migrates on another.
        try (HikariDataSource pool = pool(false, 1, 3)) {
            assertThatThrownBy(() -> migrate(pool, "without_callback", false))
                    .hasStackTraceContaining("Read timed out");
        }
        try (HikariDataSource pool = pool(false, 1, 3)) {
            migrate(pool, "with_callback", true);

            try (Connection c = pool.getConnection();
                    Connection d = pool.getConnection();
                    Connection e = pool.getConnection()) {
                assertThat(List.of(c, d, e))
                        .extracting(Connection::getNetworkTimeout)
                        .as("the pool's timeout is back for the next borrowers")
                        .containsOnly(1000);
            }
        }
    }

    private static void migrate(HikariDataSource pool, String schema, boolean callback) {
        var flyway =
                Flyway.configure()
                        .dataSource(pool)
                        .schemas(schema)
                        .locations("classpath:db/slow-migration");
        if (callback) {
            flyway.callbacks(new UnboundedMigrationStatements());
        }
        flyway.load().migrate();
    }
}
