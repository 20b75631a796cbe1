package org.ramsetu.infra.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.ramsetu.infra.health.CachedHealthIndicator;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Beans of every target that owns a database connection (all, api, worker). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
public class DatabaseConfiguration {

    /**
     * Readiness checks run in the background with a time limit (CachedHealthIndicator): a probe
     * answers at once even while the database hangs, and says DOWN within about two seconds.
     */
    @Bean(destroyMethod = "close")
    CachedHealthIndicator migrationsHealthIndicator(Flyway flyway, DataSource dataSource) {
        // The history is read through the application's pool, not the connection migrations use:
        // where they run as the schema's owner, the owner's password may be rotated while this
        // instance serves (ops/rotate-database-credentials.md), and reading needs no owner.
        Flyway reader =
                Flyway.configure()
                        .configuration(flyway.getConfiguration())
                        .dataSource(dataSource)
                        .load();
        // Reading the migration history is not free: every 30 s once every migration is applied.
        return CachedHealthIndicator.of(
                "migrations", new MigrationsHealthIndicator(reader), Duration.ofSeconds(30));
    }

    /** Replaces Spring Boot's {@code db} check (same name), which would block a probe. */
    @Bean(destroyMethod = "close")
    CachedHealthIndicator dbHealthIndicator(DataSource dataSource) {
        return CachedHealthIndicator.of(
                "db", new DataSourceHealthIndicator(dataSource, "select 1"));
    }

    /**
     * The start-up migration, never at the same time as the readiness check's read (FlywayScans),
     * tried again when a migration gave way to a lock held by the running release
     * (MigrationLockWaits).
     */
    @Bean
    FlywayMigrationStrategy oneFlywayScanAtATime(
            @Value("${ramsetu.database.migration.lock-attempts:12}") int attempts,
            @Value("${ramsetu.database.migration.first-pause:1s}") Duration firstPause) {
        return flyway -> FlywayScans.migrate(flyway, attempts, firstPause);
    }

    /**
     * The settings every use of Flyway here needs (Migrations); where an owner runs migrations
     * (RAMSETU_DB_OWNER_USER, as spring.flyway.user), the grants to the application's role.
     */
    @Bean
    FlywayConfigurationCustomizer ramsetuMigrationSettings(
            @Value("${ramsetu.database.migration.lock-timeout:3s}") Duration lockTimeout,
            RamsetuSettings settings) {
        return flyway ->
                Migrations.configure(
                        flyway,
                        lockTimeout,
                        settings.database()
                                .flatMap(RamsetuSettings.Database::applicationRoleToGrant));
    }

    /**
     * Lazy: only targets that serve staleness-tolerant reads (the platform API) create it, so a
     * worker holds no replica connections and measures no lag.
     */
    @Bean(destroyMethod = "close")
    @Lazy
    ReplicaReads replicaReads(
            RamsetuSettings settings,
            ReplicaProperties properties,
            DataSource dataSource,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<MeterRegistry> meters) {
        return settings.database()
                .flatMap(RamsetuSettings.Database::replica)
                .map(
                        replica ->
                                ReplicaReads.withReplica(
                                        dataSource,
                                        jdbc,
                                        transactions,
                                        replicaPool(replica, properties, dataSource),
                                        properties.maxLag(),
                                        properties.checkInterval(),
                                        meters.getIfAvailable(SimpleMeterRegistry::new)))
                .orElseGet(() -> ReplicaReads.primaryOnly(dataSource, jdbc, transactions));
    }

    /**
     * A small read-only pool on the replica with the primary pool's settings (driver timeouts,
     * keep-alive, lifetime, eviction rules) where there is one to copy. It does not need the
     * replica at start: the application starts, and reads use the primary, while it is down.
     */
    static HikariDataSource replicaPool(
            RamsetuSettings.ReadReplica replica, ReplicaProperties properties, DataSource primary) {
        HikariConfig config = new HikariConfig();
        if (primary instanceof HikariDataSource hikari) {
            // Including the metrics registration: the pool reports under its own name.
            hikari.copyStateTo(config);
        }
        config.setPoolName("ramsetu-db-replica");
        config.setJdbcUrl(replica.url());
        config.setUsername(replica.user().orElse(null));
        config.setPassword(replica.password().map(RamsetuSettings.Secret::value).orElse(null));
        config.setReadOnly(true);
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(1);
        config.setInitializationFailTimeout(-1);
        // A request that meets a replica which just went away waits at most this, then its
        // answer is 503 and the replica is left until it measures fine again.
        config.setConnectionTimeout(2_000);
        return new HikariDataSource(config);
    }
}
