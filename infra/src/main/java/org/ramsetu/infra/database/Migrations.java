package org.ramsetu.infra.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The settings every use of Flyway in RamSetu needs, wherever it is configured: a served target
 * (DatabaseConfiguration), the command line and the tests. A migration must never stop the release
 * that is serving while it runs (docs/architecture.md, "Migrations hold no lock for long").
 */
public final class Migrations {

    /** Where every module's migrations are, merged into one sequence of versions. */
    public static final String LOCATIONS = "classpath:db/migration";

    /** How long a migration waits for a table lock before giving way (MigrationLockWaits). */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(3);

    /** How often the start-up migration is tried when a migration gave way (FlywayScans). */
    public static final int DEFAULT_LOCK_ATTEMPTS = 12;

    /** The pause before the second try, doubled for each further one (up to 15 s). */
    public static final Duration DEFAULT_FIRST_PAUSE = Duration.ofSeconds(1);

    private Migrations() {}

    /**
     * Flyway's own lock becomes a session advisory lock instead of one held in an open transaction:
     * {@code CREATE INDEX CONCURRENTLY} waits for every open transaction, Flyway's included, and
     * would wait forever. Each transactional migration waits for a lock at most {@code
     * lockTimeout}; the connection that migrates has no socket timeout.
     */
    public static FluentConfiguration configure(FluentConfiguration flyway, Duration lockTimeout) {
        return configure(flyway, lockTimeout, Optional.empty());
    }

    /**
     * As {@link #configure(FluentConfiguration, Duration)}, where migrations run as the schema's
     * owner and {@code applicationRole} is the role the application logs in as (or a group role of
     * its logins): after every migration {@link ApplicationRoleGrants} grants it reading and
     * writing rows, and only reading and inserting into the append-only tables.
     */
    public static FluentConfiguration configure(
            FluentConfiguration flyway, Duration lockTimeout, Optional<String> applicationRole) {
        List<Callback> callbacks = new ArrayList<>();
        callbacks.add(new UnboundedMigrationStatements());
        callbacks.add(new MigrationLockWaits(lockTimeout));
        applicationRole.map(ApplicationRoleGrants::new).ifPresent(callbacks::add);
        return flyway.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .callbacks(callbacks.toArray(Callback[]::new));
    }
}
