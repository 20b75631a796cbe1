package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ramsetu.infra.database.MigrationFixtures.dataSource;
import static org.ramsetu.infra.database.MigrationFixtures.firstLong;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;

/** A migration that moved rows is planned on fresh statistics, not on those of before. */
class PlannerStatisticsIntegrationTest {

    @TempDir Path dir;

    @Test
    void migrationsThatRanLeaveFreshStatisticsOfTheTablesWithRowsAndNoneLeaveThemAlone()
            throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("pg"))) {
            PGSimpleDataSource ds = dataSource(db);
            Flyway flyway =
                    MigrationFixtures.flyway(
                            dir,
                            ds,
                            "V1__listing.sql",
                            "create table listing (id int primary key);"
                                    + " insert into listing select g from generate_series(1, 5000) g;"
                                    + " create table offer (id int primary key);");
            FlywayScans.migrate(flyway, 1, Duration.ZERO);
            assertThat(analyses(ds, "listing")).isEqualTo(1);
            assertThat(estimatedRows(ds, "listing")).isEqualTo(5000);
            // Statistics of an empty table would have it planned as empty while it fills up.
            assertThat(analyses(ds, "offer")).as("an empty table is left unanalysed").isZero();

            FlywayScans.migrate(flyway, 1, Duration.ZERO);
            assertThat(analyses(ds, "listing"))
                    .as("nothing migrated, nothing analysed")
                    .isEqualTo(1);
        }
    }

    private static long analyses(PGSimpleDataSource ds, String table) throws SQLException {
        return firstLong(
                ds,
                "select analyze_count from pg_stat_user_tables where relname = '" + table + "'");
    }

    private static long estimatedRows(PGSimpleDataSource ds, String table) throws SQLException {
        return firstLong(
                ds, "select reltuples::bigint from pg_class where relname = '" + table + "'");
    }
}
