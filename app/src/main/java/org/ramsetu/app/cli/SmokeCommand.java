package org.ramsetu.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.ramsetu.app.smoke.DeploymentSmokeTest;
import org.ramsetu.app.smoke.DeploymentSmokeTest.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ramsetu smoke}: the critical paths of a deployed system, checked from outside. */
@Command(
        name = "smoke",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a deployed RamSetu the way its users reach it: readiness of the URL and (with a"
                    + " coordinator token) of every instance it lists, a donor sign-up whose"
                    + " mailed code is read from --mailbox and verified, the donor's and the"
                    + " coordinator's lists, and a match run on --canary-request.",
            "Prints one line per check; every failure is one line on standard error. Exit codes:"
                    + " 0 all checks passed, 1 a check failed, 2 bad command line."
        })
public class SmokeCommand implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--url",
            required = true,
            description = "The platform API's base URL (the load balancer), e.g. https://x.org.")
    URI url;

    @Option(
            names = "--coordinator-token-file",
            description =
                    "A file holding a coordinator's access token: enables the instances, the"
                            + " coordinator's lists and the match run.")
    Path coordinatorTokenFile;

    @Option(
            names = "--mailbox",
            description =
                    "A folder of .eml files the deployment's mail reaches (the file mailer's"
                            + " folder, or a test mailbox): enables code delivery and the donor's"
                            + " lists.")
    Path mailbox;

    @Option(
            names = "--canary-request",
            description = "A WAITING transplant request kept for smoke tests: one match run on it.")
    UUID canaryRequest;

    @Option(
            names = "--email-domain",
            defaultValue = "smoke.ramsetu.test",
            description = "Domain of the sign-up's address (default ${DEFAULT-VALUE}).")
    String emailDomain;

    @Option(
            names = "--no-instances",
            negatable = false,
            description =
                    "Do not check the instances' own addresses (when they are not reachable from"
                            + " where the smoke test runs).")
    boolean noInstances;

    @Option(
            names = "--ca-file",
            description =
                    "PEM file of the CA certificates that https:// answers must chain to (a"
                            + " deployment's private CA); default: the JDK's CAs. Host names are"
                            + " always checked.")
    Path caFile;

    @Option(
            names = "--timeout",
            defaultValue = "10",
            description = "Seconds to wait for each answer (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--mail-timeout",
            defaultValue = "60",
            description = "Seconds to wait for the code's mail (default ${DEFAULT-VALUE}).")
    int mailTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (url.getScheme() == null
                || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--url must be an http(s) URL with a host, not " + url);
        }
        if (timeoutSeconds < 1
                || timeoutSeconds > 600
                || mailTimeoutSeconds < 1
                || mailTimeoutSeconds > 3600) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--timeout must be 1 to 600, --mail-timeout 1 to 3600");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--ca-file " + caFile + " cannot be read");
        }
        if (mailbox != null && !Files.isDirectory(mailbox)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--mailbox " + mailbox + " is not a folder");
        }
        Optional<String> token = Optional.empty();
        if (coordinatorTokenFile != null) {
            token = Optional.of(readToken(coordinatorTokenFile));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeploymentSmokeTest smoke =
                new DeploymentSmokeTest(
                        new DeploymentSmokeTest.Settings(
                                url,
                                token,
                                Optional.ofNullable(mailbox),
                                Optional.ofNullable(canaryRequest),
                                !noInstances,
                                emailDomain,
                                Duration.ofSeconds(timeoutSeconds),
                                Duration.ofSeconds(mailTimeoutSeconds),
                                Optional.ofNullable(caFile)));
        List<Outcome> outcomes =
                smoke.run(
                        o -> {
                            switch (o.status()) {
                                case PASSED ->
                                        out.printf(
                                                "ok    %s: %s (%d ms)%n",
                                                o.check(), o.detail(), o.millis());
                                case SKIPPED -> out.printf("skip  %s: %s%n", o.check(), o.detail());
                                case FAILED -> err.printf("FAIL  %s: %s%n", o.check(), o.detail());
                            }
                            out.flush();
                            err.flush();
                        });
        long failed = outcomes.stream().filter(o -> o.status() == Outcome.Status.FAILED).count();
        long passed = outcomes.stream().filter(o -> o.status() == Outcome.Status.PASSED).count();
        out.printf("smoke %s: %d passed, %d failed%n", url, passed, failed);
        return failed == 0 ? 0 : 1;
    }

    private String readToken(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "cannot read --coordinator-token-file " + file + ": " + e);
        }
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--coordinator-token-file " + file + " must hold one access token");
        }
        return token;
    }
}
