package org.ramsetu.platform.testing;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ramsetu.infra.database.Migrations;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The schema built one migration version at a time on an embedded server, so that a test can write
 * rows as an older release did and then watch what a later migration makes of them.
 */
public final class MigrationSteps {

    private MigrationSteps() {}

    /** The server's database, as the owner the migrations run as. */
    public static DataSource dataSource(EmbeddedPostgresServer server) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(),
                server.jdbcUrl(),
                server.username(),
                server.password());
    }

    /** Applies every migration up to and including the version, and none after it. */
    public static void migrateTo(DataSource dataSource, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(Migrations.LOCATIONS)
                .target(version)
                .load()
                .migrate();
    }
}
