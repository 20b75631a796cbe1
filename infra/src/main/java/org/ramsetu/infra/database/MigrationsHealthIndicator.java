package org.ramsetu.infra.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Readiness: DOWN while the database schema lacks a migration this binary ships (for example when
 * migrations are applied by a separate job that has not run yet), so that no instance takes traffic
 * against a schema it does not understand.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

    private final Flyway flyway;

    public MigrationsHealthIndicator(Flyway flyway) {
        super("Could not read the schema history");
        this.flyway = flyway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var read = FlywayScans.infoUnlessBusy(flyway);
        if (read.isEmpty()) {
            builder.down().withDetail("migrating", true);
            return;
        }
        var info = read.get();
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        builder.withDetail("current", current == null ? "none" : current.getVersion().toString())
                .withDetail("pending", pending.length);
        if (pending.length == 0 && current != null) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
