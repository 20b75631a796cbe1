package org.ramsetu.infra.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ramsetu.infra.database.Migrations;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A real PostgreSQL (embedded server in a test folder) with RamSetu's migrations applied. */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgresServer server;
    private final HikariDataSource dataSource;
    private final Path ownFolder;

    private TestDatabase(EmbeddedPostgresServer server, Path ownFolder) {
        this.server = server;
        this.ownFolder = ownFolder;
        // Pooled as in the application: a new connection per statement would pay a SCRAM
        // handshake each time and dwarf what the tests and benchmarks measure.
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(server.username());
        config.setPassword(server.password());
        config.setMaximumPoolSize(12);
        this.dataSource = new HikariDataSource(config);
    }

    /** A database in {@code dir}, which the caller owns and deletes. */
    public static TestDatabase start(Path dir) {
        return started(dir, null);
    }

    /** A database in a new temporary folder, deleted when the database is closed. */
    public static TestDatabase startInTemporaryFolder(String prefix) {
        Path folder = TemporaryFolders.create(prefix);
        try {
            return started(folder, folder);
        } catch (RuntimeException | Error e) {
            TemporaryFolders.delete(folder);
            throw e;
        }
    }

    private static TestDatabase started(Path dir, Path ownFolder) {
        TestDatabase db = new TestDatabase(EmbeddedPostgresServer.start(dir), ownFolder);
        Migrations.configure(
                        Flyway.configure()
                                .dataSource(db.dataSource)
                                .locations(Migrations.LOCATIONS),
                        Migrations.DEFAULT_LOCK_TIMEOUT)
                .load()
                .migrate();
        return db;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
            server.close();
        } finally {
            if (ownFolder != null) {
                TemporaryFolders.delete(ownFolder);
            }
        }
    }
}
