package org.ramsetu.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
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

    /**
     * Flyway's scanner is not safe to run twice at once (FlywayScans): while the start-up migration
     * runs, the check answers DOWN "migrating" at once instead of scanning beside it.
     */
    @Test
    void downWithoutScanningWhileTheMigrationRuns() throws Exception {
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir)) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(db.jdbcUrl());
            ds.setUser(db.username());
            ds.setPassword(db.password());
            CountDownLatch migrating = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Callback holdBeforeMigrating =
                    new BaseCallback() {
                        @Override
                        public boolean supports(Event event, Context context) {
                            return event == Event.BEFORE_MIGRATE;
                        }

                        @Override
                        public void handle(Event event, Context context) {
                            migrating.countDown();
                            try {
                                release.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    };
            Flyway flyway =
                    Flyway.configure()
                            .dataSource(ds)
                            .locations("classpath:db/migration")
                            .callbacks(holdBeforeMigrating)
                            .load();
            MigrationsHealthIndicator indicator = new MigrationsHealthIndicator(flyway);
            ExecutorService startUp = Executors.newSingleThreadExecutor();
            try {
                Future<?> migration = startUp.submit(() -> FlywayScans.migrate(flyway));
                assertThat(migrating.await(30, TimeUnit.SECONDS)).isTrue();

                Health during = indicator.health(true);

                release.countDown();
                migration.get(60, TimeUnit.SECONDS);
                assertThat(during.getStatus()).isEqualTo(Status.DOWN);
                assertThat(during.getDetails()).containsEntry("migrating", true);
                assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP);
            } finally {
                release.countDown();
                startUp.shutdownNow();
            }
        }
    }
}
