package org.ramsetu.bench.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.ramsetu.infra.database.Migrations;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.audit.AuditChain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit chain costs (docs/PERFORMANCE.md, "Audit chain"): on a fresh embedded database
 * with {@code EVENTS} audit events of the application's shape, the first seal of the whole backlog,
 * the steady minute's seal of 1,000 new events on top of it, and a full verification.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.ramsetu.bench.audit.AuditChainTimings 1000000</pre>
 */
public final class AuditChainTimings {

    private AuditChainTimings() {}

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("audit-chain-bench");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir)) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.username());
            config.setPassword(server.password());
            config.setMaximumPoolSize(4);
            try (HikariDataSource data = new HikariDataSource(config)) {
                Migrations.configure(
                                Flyway.configure().dataSource(data).locations(Migrations.LOCATIONS),
                                Migrations.DEFAULT_LOCK_TIMEOUT)
                        .load()
                        .migrate();
                JdbcClient jdbc = JdbcClient.create(data);
                AuditChain chain =
                        new AuditChain(
                                jdbc,
                                new TransactionTemplate(new DataSourceTransactionManager(data)),
                                Clock.systemUTC());
                System.out.printf("load average before: %s%n", loadAverage());
                insert(jdbc, events, Instant.now().minus(Duration.ofDays(30)));

                long start = System.nanoTime();
                long sealed = chain.seal();
                double backlog = seconds(start);

                insert(jdbc, 1_000, Instant.now());
                start = System.nanoTime();
                long minute = chain.seal();
                double steady = seconds(start);

                start = System.nanoTime();
                AuditChain.Verification verification = chain.verify();
                double verify = seconds(start);

                System.out.printf(
                        Locale.ROOT,
                        "backlog seal: %,d events in %.1f s (%,.0f events/s)%n"
                                + "steady seal: %,d new events on %,d sealed in %.3f s%n"
                                + "verification: %,d entries in %.1f s (%,.0f entries/s),"
                                + " %d findings%n",
                        sealed,
                        backlog,
                        sealed / backlog,
                        minute,
                        sealed,
                        steady,
                        verification.entries(),
                        verify,
                        verification.entries() / verify,
                        verification.findingCount());
                System.out.printf("load average after: %s%n", loadAverage());
            }
        }
    }

    /** Events shaped like the application's: actor, role, target, address and a small detail. */
    private static void insert(JdbcClient jdbc, int count, Instant at) {
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, actor_id, actor_role, action, outcome,
                            target_type, target_id, client_ip, detail)
                        select :at, gen_random_uuid(), 'ADMIN', 'MEDICAL_RECORD_READ', 'SUCCESS',
                            'transplant_request', gen_random_uuid()::text, '10.0.3.17',
                            jsonb_build_object('method', 'GET', 'path',
                                '/api/v1/admin/requests/' || n, 'status', 200)
                        from generate_series(1, :count) n
                        """)
                .param("at", Timestamp.from(at))
                .param("count", count)
                .update();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
