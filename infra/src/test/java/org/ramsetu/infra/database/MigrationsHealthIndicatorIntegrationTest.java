package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class MigrationsHealthIndicatorIntegrationTest {

    @TempDir Path dir;

    @Test
    void downWhileAShippedMigrationIsPendingUpOnceAllAreApplied() {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(db.jdbcUrl());
            ds.setUser(db.username());
            ds.setPassword(db.password());
            Flyway flyway =
                    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load();
            MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(flyway);

            assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);

            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .target("1")
                    .load()
                    .migrate();
            Health partial = indicator.health(true);
            assertThat(partial.getStatus()).isEqualTo(Status.DOWN);
            assertThat(partial.getDetails()).containsEntry("current", "1");
            assertThat((Integer) partial.getDetails().get("pending")).isPositive();

            flyway.migrate();
            Health full = indicator.health(true);
            assertThat(full.getStatus()).isEqualTo(Status.UP);
            assertThat(full.getDetails()).containsEntry("pending", 0);
        }
    }
}
