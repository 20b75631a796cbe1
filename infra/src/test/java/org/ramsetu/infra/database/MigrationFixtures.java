package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;

/** What the migration tests share: a data source, a one-file Flyway, one-value queries. */
final class MigrationFixtures {

    private MigrationFixtures() {}

    static PGSimpleDataSource dataSource(EmbeddedPostgresServer db) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.username());
        ds.setPassword(db.password());
        return ds;
    }

    /** Flyway as the product configures it, over one migration file written into {@code dir}. */
    static Flyway flyway(Path dir, DataSource ds, String name, String sql) throws Exception {
        Path migrations = dir.resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve(name), sql);
        return Migrations.configure(
                        Flyway.configure().dataSource(ds).locations("filesystem:" + migrations),
                        Duration.ofMillis(500))
                .load();
    }

    /** The first column of the query's first row, as text (null when the value is null). */
    static String firstValue(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from: " + sql).isTrue();
            return rs.getString(1);
        }
    }

    static long firstLong(DataSource ds, String sql) throws SQLException {
        return Long.parseLong(firstValue(ds, sql));
    }
}
