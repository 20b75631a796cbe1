package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code ramsetu admin create} against the embedded database of a data folder while another process
 * (here: this test) runs it, as when {@code ramsetu serve} is up.
 */
class AdminCreateCommandIntegrationTest {

    @TempDir static Path dir;
    private static EmbeddedPostgresServer running;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void serveTheDataFolder() {
        running = EmbeddedPostgresServer.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void createsAVerifiedCoordinatorOnceAndAuditsTheGrant() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("pw"), "a long coordinator password\n");

        int first =
                run(
                        "admin",
                        "create",
                        "--email",
                        "Meera@Hospital.org",
                        "--name",
                        "Meera",
                        "--password-file",
                        passwordFile.toString());
        int second =
                run(
                        "admin",
                        "create",
                        "--email",
                        "meera@hospital.org",
                        "--password-file",
                        passwordFile.toString());

        assertThat(first).as(err.toString()).isZero();
        assertThat(second).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Created coordinator account Meera@Hospital.org")
                .contains("already has a coordinator account; nothing changed");
        JdbcClient jdbc = jdbc();
        assertThat(
                        jdbc.sql(
                                        "select count(*) from account where email_key = 'meera@hospital.org'"
                                                + " and role = 'ADMIN' and verified_at is not null")
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
        assertThat(
                        jdbc.sql(
                                        "select detail->>'grantedBy' from audit_event where action ="
                                                + " 'ROLE_GRANTED' and target_id = (select"
                                                + " id::text from account where email_key ="
                                                + " 'meera@hospital.org')")
                                .query(String.class)
                                .list())
                .containsExactly("cli");
    }

    @Test
    void administratorIsGrantedToANewOrAnExistingCoordinatorOnceAndAudited() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("pw2"), "a long coordinator password\n");

        int plain = create("ravi@hospital.org", passwordFile);
        boolean before = administrator("ravi@hospital.org");
        int granted = create("ravi@hospital.org", passwordFile, "--administrator");
        int again = create("ravi@hospital.org", passwordFile, "--administrator");
        int fresh = create("asha@hospital.org", passwordFile, "--administrator");

        assertThat(List.of(plain, granted, again, fresh)).as(err.toString()).containsOnly(0);
        assertThat(before).isFalse();
        assertThat(administrator("ravi@hospital.org")).isTrue();
        assertThat(administrator("asha@hospital.org")).isTrue();
        assertThat(out.toString())
                .contains("Created coordinator account asha@hospital.org (administrator)")
                .contains("it is an administrator now, nothing else changed");
        assertThat(
                        jdbc().sql(
                                        "select detail->>'role' from audit_event where action ="
                                                + " 'ROLE_GRANTED' and target_id = (select"
                                                + " id::text from account where email_key ="
                                                + " 'ravi@hospital.org') order by detail->>'role'")
                                .query(String.class)
                                .list())
                .containsExactly("ADMIN", "ADMINISTRATOR");
    }

    /** {@code ramsetu admin create} for the e-mail, with the password file and more options. */
    private int create(String email, Path passwordFile, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "admin",
                                "create",
                                "--email",
                                email,
                                "--password-file",
                                passwordFile.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private boolean administrator(String emailKey) {
        return jdbc().sql("select administrator from account where email_key = :key")
                .param("key", emailKey)
                .query(Boolean.class)
                .single();
    }

    @Test
    void aWeakPasswordOrNoEmailIsAUsageErrorNamingTheProblem() throws Exception {
        Path weak = Files.writeString(dir.resolve("weak"), "short\n");

        int weakExit =
                run(
                        "admin",
                        "create",
                        "--email",
                        "x@hospital.org",
                        "--password-file",
                        weak.toString());
        int noEmail = run("admin", "create", "--password-file", weak.toString());

        assertThat(weakExit).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("password: must be 12 to 128 characters");
        assertThat(noEmail).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--email");
    }

    @Test
    void anOperatorProvidedAuthenticatorSecretIsEnrolledAndAnInvalidOneRefused() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("pw2"), "a long coordinator password\n");
        Path secretFile = Files.writeString(dir.resolve("totp"), Totp.newSecret() + "\n");
        Path tooShort = Files.writeString(dir.resolve("short-totp"), "JBSWY3DPEHPK3PXP\n");

        int created =
                run(
                        "admin",
                        "create",
                        "--email",
                        "unattended@hospital.org",
                        "--password-file",
                        passwordFile.toString(),
                        "--totp-secret-file",
                        secretFile.toString());
        int refused =
                run(
                        "admin",
                        "create",
                        "--email",
                        "weak-factor@hospital.org",
                        "--password-file",
                        passwordFile.toString(),
                        "--totp-secret-file",
                        tooShort.toString());

        assertThat(created).as(err.toString()).isZero();
        assertThat(
                        jdbc().sql(
                                        "select f.totp_secret from account_second_factor f join"
                                                + " account a on a.id = f.account_id where"
                                                + " a.email_key = 'unattended@hospital.org' and"
                                                + " f.confirmed_at is not null")
                                .query(String.class)
                                .single())
                .isEqualTo(Files.readString(secretFile).strip());
        assertThat(refused).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("totpSecret").contains("128 bits");
    }

    private int run(String... args) {
        return RamsetuCommand.commandLine(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        Map.of("RAMSETU_DATA_DIR", dir.resolve("data").toString()))
                .execute(args);
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(
                new DriverManagerDataSource(
                        running.jdbcUrl(), running.username(), running.password()));
    }
}
