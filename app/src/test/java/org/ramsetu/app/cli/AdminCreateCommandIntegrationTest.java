package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.crypto.Totp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ramsetu admin create} against the embedded database of a data folder while another process
 * (here: this test) runs it, as when {@code ramsetu serve} is up.
 */
class AdminCreateCommandIntegrationTest {

    @RegisterExtension static final CommandDatabase db = new CommandDatabase();
    private final CommandRuns cli = new CommandRuns(db.dataFolderEnvironment());

    @Test
    void createsAVerifiedCoordinatorOnceAndAuditsTheGrant() throws Exception {
        Path passwordFile =
                Files.writeString(db.folder().resolve("pw"), "a long coordinator password\n");

        int first =
                cli.run(
                        "admin",
                        "create",
                        "--email",
                        "Meera@Hospital.org",
                        "--name",
                        "Meera",
                        "--password-file",
                        passwordFile.toString());
        int second =
                cli.run(
                        "admin",
                        "create",
                        "--email",
                        "meera@hospital.org",
                        "--password-file",
                        passwordFile.toString());

        assertThat(first).as(cli.err()).isZero();
        assertThat(second).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("Created coordinator account Meera@Hospital.org")
                .contains("already has a coordinator account; nothing changed");
        JdbcClient jdbc = db.jdbc();
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
        Path passwordFile =
                Files.writeString(db.folder().resolve("pw2"), "a long coordinator password\n");

        int plain = create("ravi@hospital.org", passwordFile);
        boolean before = administrator("ravi@hospital.org");
        int granted = create("ravi@hospital.org", passwordFile, "--administrator");
        int again = create("ravi@hospital.org", passwordFile, "--administrator");
        int fresh = create("asha@hospital.org", passwordFile, "--administrator");

        assertThat(List.of(plain, granted, again, fresh)).as(cli.err()).containsOnly(0);
        assertThat(before).isFalse();
        assertThat(administrator("ravi@hospital.org")).isTrue();
        assertThat(administrator("asha@hospital.org")).isTrue();
        assertThat(cli.out())
                .contains("Created coordinator account asha@hospital.org (administrator)")
                .contains("it is an administrator now, nothing else changed");
        assertThat(
                        db.jdbc()
                                .sql(
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
        return cli.run(args.toArray(String[]::new));
    }

    private boolean administrator(String emailKey) {
        return db.jdbc()
                .sql("select administrator from account where email_key = :key")
                .param("key", emailKey)
                .query(Boolean.class)
                .single();
    }

    @Test
    void aWeakPasswordOrNoEmailIsAUsageErrorNamingTheProblem() throws Exception {
        Path weak = Files.writeString(db.folder().resolve("weak"), "short\n");

        int weakExit =
                cli.run(
                        "admin",
                        "create",
                        "--email",
                        "x@hospital.org",
                        "--password-file",
                        weak.toString());
        int noEmail = cli.run("admin", "create", "--password-file", weak.toString());

        assertThat(weakExit).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("password: must be 12 to 128 characters");
        assertThat(noEmail).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--email");
    }

    @Test
    void anOperatorProvidedAuthenticatorSecretIsEnrolledAndAnInvalidOneRefused() throws Exception {
        Path passwordFile =
                Files.writeString(db.folder().resolve("pw2"), "a long coordinator password\n");
        Path secretFile = Files.writeString(db.folder().resolve("totp"), Totp.newSecret() + "\n");
        Path tooShort = Files.writeString(db.folder().resolve("short-totp"), "JBSWY3DPEHPK3PXP\n");

        int created =
                cli.run(
                        "admin",
                        "create",
                        "--email",
                        "unattended@hospital.org",
                        "--password-file",
                        passwordFile.toString(),
                        "--totp-secret-file",
                        secretFile.toString());
        int refused =
                cli.run(
                        "admin",
                        "create",
                        "--email",
                        "weak-factor@hospital.org",
                        "--password-file",
                        passwordFile.toString(),
                        "--totp-secret-file",
                        tooShort.toString());

        assertThat(created).as(cli.err()).isZero();
        assertThat(
                        db.jdbc()
                                .sql(
                                        "select f.totp_secret from account_second_factor f join"
                                                + " account a on a.id = f.account_id where"
                                                + " a.email_key = 'unattended@hospital.org' and"
                                                + " f.confirmed_at is not null")
                                .query(String.class)
                                .single())
                .isEqualTo(Files.readString(secretFile).strip());
        assertThat(refused).isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("totpSecret").contains("128 bits");
    }
}
