package org.ramsetu.app.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.accounts.AccountRepository;
import org.ramsetu.platform.accounts.CoordinatorAccounts;
import org.ramsetu.platform.accounts.PasswordHasher;
import org.ramsetu.platform.accounts.ProvisionedSecondFactors;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.kernel.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ramsetu admin}: operator tasks on accounts. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        description = "Operator tasks on accounts.",
        subcommands = {AdminCommand.Create.class, CommandLine.HelpCommand.class})
public class AdminCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (create)");
    }

    /**
     * {@code ramsetu admin create}: the only way, besides the bootstrap settings, to a coordinator.
     */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a coordinator (ADMIN) account, verified, on the configured database.",
                "The password is read from the terminal (twice), or from --password-file."
            })
    static class Create implements Callable<Integer> {

        /** Replaced by tests through {@link RamsetuCommand#commandLine}. */
        Map<String, String> environment = System.getenv();

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--email", required = true, description = "The coordinator's e-mail.")
        String email;

        @Option(names = "--name", defaultValue = "Coordinator", description = "Full name.")
        String name;

        @Option(
                names = "--password-file",
                description = "A file whose first line is the password (keep it owner-only).")
        Path passwordFile;

        @Option(
                names = "--totp-secret-file",
                description = {
                    "A file whose first line is the authenticator secret (Base32, at least 128"
                            + " bits) to enrol as the coordinator's second factor, for an"
                            + " unattended installation. Without it the coordinator sets one up"
                            + " at the first sign-in."
                })
        Path totpSecretFile;

        @Option(
                names = "--administrator",
                description = {
                    "Also lets the coordinator manage the registry of transplant centres and"
                            + " assign coordinators to them. Given for an existing coordinator, it"
                            + " grants only that."
                })
        boolean administrator;

        @Override
        public Integer call() throws Exception {
            String password = password();
            Optional<String> totpSecret =
                    totpSecretFile == null
                            ? Optional.empty()
                            : Optional.of(firstLine(totpSecretFile, "--totp-secret-file"));
            RamsetuSettings settings = RamsetuSettings.fromEnvironment(environment);
            try (DatabaseSession db = DatabaseSession.open(settings)) {
                Clock clock = Clock.systemUTC();
                CoordinatorAccounts coordinators =
                        new CoordinatorAccounts(
                                new AccountRepository(db.jdbc()),
                                new PasswordHasher(),
                                new ProvisionedSecondFactors(
                                        db.jdbc(), new AuditLog(db.jdbc(), clock), clock),
                                new AuditLog(db.jdbc(), clock),
                                db.transactions(),
                                clock);
                boolean created =
                        coordinators.create(
                                email, name, password, "cli", totpSecret, administrator);
                spec.commandLine()
                        .getOut()
                        .println(
                                created
                                        ? "Created coordinator account "
                                                + email.strip()
                                                + (administrator ? " (administrator)" : "")
                                        : email.strip()
                                                + " already has a coordinator account; "
                                                + (administrator
                                                        ? "it is an administrator now, nothing"
                                                                + " else changed"
                                                        : "nothing changed"));
                return 0;
            } catch (DomainException invalid) {
                throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
            }
        }

        private String firstLine(Path file, String option) throws IOException {
            if (!Files.isReadable(file)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "cannot read " + option + " " + file);
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
        }

        private String password() throws IOException {
            if (passwordFile != null) {
                return firstLine(passwordFile, "--password-file");
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "no terminal to read the password from; use --password-file");
            }
            char[] first = console.readPassword("Password for %s: ", email);
            char[] second = console.readPassword("Repeat the password: ");
            try {
                if (first == null || !Arrays.equals(first, second)) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "the two passwords differ");
                }
                return new String(first);
            } finally {
                if (first != null) {
                    Arrays.fill(first, '\0');
                }
                if (second != null) {
                    Arrays.fill(second, '\0');
                }
            }
        }
    }
}
