package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ramsetu simulate}: compares policy versions on the demo waiting list, writing nothing. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulateCommandIntegrationTest {

    @TempDir static Path dir;
    private static EmbeddedPostgresServer db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        db = EmbeddedPostgresServer.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    @Order(1) // before the demo list is loaded
    void anEmptyWaitingListIsNamedWithTheCommandThatFillsIt() {
        int exit = run("simulate", "--organ", "heart", "--donors", "10", "--days", "10");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("no WAITING HEART transplant requests")
                .contains("ramsetu demo");
    }

    @Test
    @Order(2)
    void comparesEveryPolicyVersionOnTheDemoListAsATableOrJsonAndWritesNothing() {
        assertThat(run("demo", "--donors", "200", "--patients", "400")).as(err.toString()).isZero();
        long runsBefore = count("select count(*) from allocation_run");

        int table = run("simulate", "--organ", "kidney", "--donors", "30", "--days", "60");
        String printed = out.toString();
        out.getBuffer().setLength(0);
        int json =
                run(
                        "simulate",
                        "--organ",
                        "KIDNEY",
                        "--donors",
                        "30",
                        "--days",
                        "60",
                        "--policy",
                        "allocation/ramsetu-2026-2",
                        "--format",
                        "json");

        assertThat(table).as(err.toString()).isZero();
        assertThat(printed)
                .contains("Allocation simulation: KIDNEY, 30 donor organs over 60 days (seed 7)")
                .contains("allocation/ramsetu-2026-1")
                .contains("allocation/ramsetu-2026-2")
                .contains("median waiting at transplant (days)")
                .contains("zero-mismatch kidneys")
                .contains("expected deaths on the list")
                .contains("  urgency 5 (");
        assertThat(json).as(err.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(out.toString());
        assertThat(report.path("policies")).hasSize(1);
        JsonNode outcome = report.path("policies").get(0);
        assertThat(outcome.path("policyId").asString()).isEqualTo("allocation/ramsetu-2026-2");
        assertThat(outcome.path("transplants").asInt() + outcome.path("unplaced").asInt())
                .isEqualTo(30);
        assertThat(count("select count(*) from allocation_run")).isEqualTo(runsBefore);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("simulate", "--organ", "lung")).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("organ must be one of kidney, liver, heart, cornea");
        assertThat(run("simulate", "--organ", "liver", "--days", "0"))
                .isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--days must be 1 to 3650");
        assertThat(run("simulate", "--organ", "liver", "--format", "xml"))
                .isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--format must be table or json");
    }

    private int run(String... args) {
        return RamsetuCommand.commandLine(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        Map.of(
                                "RAMSETU_DB_URL", db.jdbcUrl(),
                                "RAMSETU_DB_USER", db.username(),
                                "RAMSETU_DB_PASSWORD", db.password()))
                .execute(args);
    }

    private static long count(String sql) {
        DriverManagerDataSource ds =
                new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        return JdbcClient.create(ds).sql(sql).query(Long.class).single();
    }
}
