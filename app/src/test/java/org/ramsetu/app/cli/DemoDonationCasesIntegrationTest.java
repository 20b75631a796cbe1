package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.accounts.Account;
import org.ramsetu.platform.accounts.AccountRepository;
import org.ramsetu.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ramsetu demo}, donation cases and transplant centres: added once a coordinator exists to
 * have recorded them (cases resting on verified demo pledges or on family consent), idempotently;
 * and no demo date lies in the future. Its own database: demo e-mail addresses do not depend on the
 * seed.
 */
class DemoDonationCasesIntegrationTest {

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
    void donationCasesAndCentresComeOnceACoordinatorExistsAndNoDemoDateLiesInTheFuture() {
        int withoutCoordinator = run("demo", "--donors", "300", "--patients", "10", "--seed", "7");
        String before = out.toString();
        new AccountRepository(jdbc())
                .insertIfAbsent(
                        new Account(
                                UUID.randomUUID(),
                                "demo-coordinator@example.org",
                                Role.ADMIN,
                                "Demo Coordinator",
                                "not-a-password-hash",
                                Instant.now(),
                                Instant.now()));
        // Thirty more patients: the ones a coordinator's demo lists at the centres.
        int withCoordinator = run("demo", "--donors", "300", "--patients", "40", "--seed", "7");
        int again = run("demo", "--donors", "300", "--patients", "40", "--seed", "7");

        assertThat(withoutCoordinator).as(err.toString()).isZero();
        assertThat(before)
                .contains("Added 0 donation cases and 0 transplant centres")
                .contains("no coordinator account");
        assertThat(withCoordinator).as(err.toString()).isZero();
        assertThat(again).isZero();
        assertThat(out.toString().substring(before.length()))
                .contains("Added 3 donation cases and 12 transplant centres")
                .contains("Added 0 donation cases and 0 transplant centres");
        assertThat(count("select count(*) from donation_case")).isEqualTo(3);
        assertThat(count("select count(*) from transplant_centre")).isEqualTo(12);
        assertThat(
                        count(
                                "select count(*) from transplant_centre where 'KIDNEY' <> all"
                                        + " (programmes) or registration_number not like '%/DEMO/%'"))
                .as("every demo centre transplants kidneys and says it is a demo")
                .isZero();
        assertThat(count("select count(*) from donation_case where consent_basis = 'PLEDGE'"))
                .as("odd cases rest on a demo donor's verified pledge")
                .isPositive();
        assertThat(
                        count(
                                "select count(*) from donation_case c join pledge p on p.id = c.pledge_id"
                                        + " where p.status <> 'DONATED' or p.donor_id <> c.donor_id"))
                .as("the consenting pledge is exercised through the case")
                .isZero();
        assertThat(
                        count(
                                "select count(*) from donation_case c join pledge p on p.donor_id ="
                                        + " c.donor_id where p.status in ('PENDING', 'VERIFIED')"
                                        + " or p.created_at > c.declared_dead_at"))
                .as("a donor who died has no open pledge, and pledged before dying")
                .isZero();
        assertThat(
                        count(
                                "select count(*) from pledge where created_at > now()"
                                        + " or status_changed_at > now()"))
                .as("demo pledges reviewed in the future")
                .isZero();
        assertThat(count("select count(*) from transplant_request where centre_id is not null"))
                .as("the patients added with a coordinator are listed at demo centres")
                .isGreaterThanOrEqualTo(30);
        assertThat(
                        count(
                                "select count(*) from transplant_request r where centre_id is not"
                                        + " null and not exists (select 1 from transplant_centre c"
                                        + " where c.id = r.centre_id and r.organ = any(c.programmes))"))
                .as("each at a centre that transplants the organ")
                .isZero();
        assertThat(
                        count(
                                "select count(*) from transplant_request where centre_id is not"
                                        + " null and status = 'WAITING' and verified_at is null"))
                .as("every waiting demo listing at a centre was verified")
                .isZero();
        assertThat(count("select count(*) from transplant_request where verified_at > now()"))
                .isZero();
        assertThat(count("select count(*) from donation_case where declared_dead_at > now()"))
                .isZero();
        assertThat(
                        count(
                                "select count(*) from donation_case where status = 'RECOVERED'"
                                        + " and (select count(*) from jsonb_object_keys(organ_assessments))"
                                        + " <> cardinality(organs_recovered)"))
                .as("every recovered organ of a demo case is assessed")
                .isZero();
        assertThat(
                        count(
                                "select count(*) from donation_case where status = 'RECOVERED'"
                                        + " and cross_clamp_at > now() - interval '12 hours'"))
                .as("this morning's cases can be allocated at once")
                .isPositive();
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

    private static JdbcClient jdbc() {
        return JdbcClient.create(
                new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));
    }

    private static long count(String sql) {
        return jdbc().sql(sql).query(Long.class).single();
    }
}
