package org.ramsetu.app.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ramsetu.infra.database.FlywayScans;
import org.ramsetu.infra.database.Migrations;
import org.ramsetu.infra.database.PlannerStatistics;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database for a one-off command ({@code admin create}, {@code demo}): {@code RAMSETU_DB_URL}
 * when set; otherwise the embedded server of the data folder, reached while {@code ramsetu serve}
 * runs it or started for the command's duration. Migrated to the current schema either way.
 */
final class DatabaseSession implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Flyway migrations;
    private final AutoCloseable embedded;

    private DatabaseSession(
            HikariDataSource dataSource, Flyway migrations, AutoCloseable embedded) {
        this.dataSource = dataSource;
        this.migrations = migrations;
        this.embedded = embedded;
    }

    static DatabaseSession open(RamsetuSettings settings) {
        QuietLogging.warningsOnly();
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(10_000);
        config.setPoolName("ramsetu-cli");
        AutoCloseable embedded = () -> {};
        if (settings.database().isPresent()) {
            RamsetuSettings.Database db = settings.database().get();
            config.setJdbcUrl(db.url());
            db.user().ifPresent(config::setUsername);
            db.password().ifPresent(p -> config.setPassword(p.value()));
        } else {
            var running = EmbeddedPostgresServer.runningOn(settings.dataDir());
            if (running.isPresent()) {
                config.setJdbcUrl(running.get().jdbcUrl());
                config.setUsername(running.get().username());
                config.setPassword(running.get().password());
            } else {
                EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.dataDir());
                config.setJdbcUrl(server.jdbcUrl());
                config.setUsername(server.username());
                config.setPassword(server.password());
                embedded = server;
            }
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        // The same migration settings as a served target: short lock waits, tried again, and as
        // the schema's owner where one is configured.
        Optional<RamsetuSettings.Database> external = settings.database();
        Flyway flyway =
                Migrations.configure(
                                external.flatMap(RamsetuSettings.Database::owner)
                                        .map(
                                                owner ->
                                                        Flyway.configure()
                                                                .dataSource(
                                                                        external.get().url(),
                                                                        owner.user(),
                                                                        owner.password().value()))
                                        .orElseGet(() -> Flyway.configure().dataSource(dataSource))
                                        .locations(Migrations.LOCATIONS),
                                Migrations.DEFAULT_LOCK_TIMEOUT,
                                external.flatMap(RamsetuSettings.Database::applicationRoleToGrant))
                        .load();
        FlywayScans.migrate(
                flyway, Migrations.DEFAULT_LOCK_ATTEMPTS, Migrations.DEFAULT_FIRST_PAUSE);
        return new DatabaseSession(dataSource, flyway, embedded);
    }

    /**
     * Fresh planner statistics after a bulk load, taken as the role that migrates (the tables'
     * owner where one is configured: only an owner may analyse a table).
     */
    PlannerStatistics.Refreshed refreshStatistics() throws SQLException {
        return PlannerStatistics.refresh(migrations.getConfiguration().getDataSource());
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        embedded.close();
    }
}
