package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a PostgreSQL utility to completion, so that a failure reports what the utility said. */
final class ProcessRunner {

    private ProcessRunner() {}

    /**
     * PostgreSQL refuses to run as root. When we are root (containers, CI), the utility runs in a
     * new user namespace where it is an unprivileged user; files still land owned by us.
     */
    private static final boolean UNPRIVILEGED_NAMESPACE =
            "root".equals(System.getProperty("user.name"))
                    && Files.isExecutable(Path.of("/usr/bin/unshare"));

    /** {@code command}, run unprivileged when we are root. */
    static List<String> unprivileged(List<String> command) {
        List<String> full = new ArrayList<>();
        if (UNPRIVILEGED_NAMESPACE) {
            full.addAll(List.of("/usr/bin/unshare", "--user"));
        }
        full.addAll(command);
        return full;
    }

    static String run(List<String> command, Duration timeout) {
        try {
            Process process =
                    new ProcessBuilder(unprivileged(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            // Utilities here print little; reading after exit cannot dead-lock on a full pipe
            // because readAllBytes drains while waiting.
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException(
                        command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new EmbeddedPostgresException(
                        String.join(" ", command)
                                + " failed with exit code "
                                + process.exitValue()
                                + ": "
                                + text);
            }
            return text;
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("Interrupted while running " + command.get(0), e);
        }
    }
}
