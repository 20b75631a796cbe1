package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code ramsetu demo}: realistic, complete, and idempotent. */
class DemoCommandIntegrationTest {

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
    void loadsEveryOrganAndBloodGroupAcrossCitiesAndAddsOnlyWhoIsMissingOnTheNextRun() {
        int first = run("demo", "--donors", "400", "--patients", "200");
        long pledges = count("select count(*) from pledge");
        long analysedAfterFirst = pledgeAnalyses();
        int again = run("demo", "--donors", "400", "--patients", "200");
        long analysedAfterAgain = pledgeAnalyses();
        int grown = run("demo", "--donors", "500", "--patients", "200");

        assertThat(first).as(err.toString()).isZero();
        assertThat(again).isZero();
        assertThat(grown).isZero();
        assertThat(out.toString())
                .contains("Added 400 donors")
                .contains("Added 0 donors with 0 pledges and 0 patients")
                .contains("Added 100 donors")
                .contains("donor.000001@demo.ramsetu.in");
        assertThat(count("select count(*) from account where email like '%@demo.ramsetu.in'"))
                .isEqualTo(700);
        assertThat(count("select count(distinct organ) from pledge")).isEqualTo(4);
        assertThat(count("select count(distinct organ) from transplant_request")).isEqualTo(4);
        assertThat(count("select count(distinct blood_group) from donor_profile"))
                .isGreaterThanOrEqualTo(6);
        assertThat(count("select count(distinct city) from donor_profile")).isGreaterThan(20);
        assertThat(count("select count(*) from pledge where status = 'VERIFIED'"))
                .isGreaterThan(pledges / 2);
        assertThat(
                        count(
                                "select count(*) from transplant_request where organ = 'LIVER' and meld_na is null"))
                .as("every liver listing has its MELD-Na computed by the registry")
                .isZero();
        assertThat(count("select count(*) from donor_profile where hla_typing is not null"))
                .isGreaterThan(300);
        // Statistics are refreshed after each load that added people, and only then.
        assertThat(out.toString()).contains("Planner statistics refreshed");
        assertThat(analysedAfterFirst).isPositive();
        assertThat(analysedAfterAgain).isEqualTo(analysedAfterFirst);
        assertThat(pledgeAnalyses()).isGreaterThan(analysedAfterAgain);
    }

    /** How often the pledge table was analysed by hand (autovacuum counts apart). */
    private static long pledgeAnalyses() {
        return count("select analyze_count from pg_stat_user_tables where relname = 'pledge'");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("demo", "--donors", "-1")).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--donors must be 0 to 10,000,000");
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
        return JdbcClient.create(
                        new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()))
                .sql(sql)
                .query(Long.class)
                .single();
    }
}
