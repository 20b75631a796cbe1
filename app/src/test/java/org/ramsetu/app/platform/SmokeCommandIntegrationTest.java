package org.ramsetu.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.app.cli.RamsetuCommand;
import org.ramsetu.platform.api.Accounts;
import org.ramsetu.platform.api.Matching;
import org.ramsetu.platform.api.PlatformInstance;
import org.ramsetu.platform.api.Registry;

/** {@code ramsetu smoke} against a running platform: passes when it works, names each failure. */
class SmokeCommandIntegrationTest {

    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void everyCriticalPathPassesOnAWorkingDeployment() throws IOException {
        Accounts.SignedIn coordinator = Accounts.coordinator();
        Matching.Place at = Matching.place();
        Accounts.SignedIn patient = Matching.patient(at, "AB+", Matching.PATIENT_HLA, List.of());
        String canary = Matching.requestId(patient, Registry.liverRequest());

        int exit =
                smoke(
                        "--coordinator-token-file",
                        tokenFile(coordinator.client().token()).toString(),
                        "--mailbox",
                        PlatformInstance.dataDir().resolve("mail").toString(),
                        "--canary-request",
                        canary);

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString())
                .contains("ok    readiness http://localhost:" + port())
                .containsPattern("ok    readiness all \\S+:" + port())
                .containsPattern("ok    sign-up smoke-[0-9a-f]{12}@smoke.ramsetu.test")
                .contains("ok    code delivery")
                .contains("ok    verification")
                .contains("ok    donor /api/v1/me")
                .contains("ok    coordinator /api/v1/admin/audit")
                .contains("ok    coordinator /api/v1/transplant-requests")
                .contains("ok    match run on " + canary)
                .doesNotContain("skip")
                .contains("0 failed");
    }

    @Test
    void withoutATokenOrAMailboxItChecksWhatItCanAndSaysWhatItSkipped() {
        int exit = smoke();

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString())
                .contains("ok    readiness")
                .contains("ok    sign-up")
                .contains("skip  code delivery: needs --mailbox")
                .contains("skip  coordinator lists: needs --coordinator-token-file")
                .contains("skip  match run");
    }

    @Test
    void aRejectedTokenAndAnUnknownCanaryFailOneLineEach() throws IOException {
        Path token = tokenFile(Accounts.donor().client().token());
        String unknown = "00000000-0000-4000-8000-000000000000";

        int exit =
                smoke(
                        "--coordinator-token-file",
                        token.toString(),
                        "--canary-request",
                        unknown,
                        "--no-instances");

        assertThat(exit).isEqualTo(1);
        List<String> failures = err.toString().lines().toList();
        // a donor's token: the coordinator's lists answer 403, one line per list, and the run too
        assertThat(failures)
                .allMatch(line -> line.startsWith("FAIL  "))
                .anyMatch(line -> line.contains("coordinator /api/v1/admin/audit: HTTP 403"))
                .anyMatch(line -> line.contains("match run on " + unknown));
        assertThat(out.toString()).contains("ok    readiness").contains("ok    sign-up");
    }

    @Test
    void anUnreachableDeploymentFailsWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int exit = run("smoke", "--url", "http://127.0.0.1:" + closedPort, "--timeout", "2");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .startsWith("FAIL  readiness http://127.0.0.1:" + closedPort + ": cannot connect")
                .contains("FAIL  sign-up");
    }

    @Test
    void aBadCommandLineIsAUsageError() {
        assertThat(run("smoke", "--url", "ftp://example.org")).isEqualTo(2);
        assertThat(err.toString()).contains("--url must be an http(s) URL");
        assertThat(run("smoke", "--url", "http://localhost:1", "--mailbox", "/no/such/folder"))
                .isEqualTo(2);
    }

    private int smoke(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "smoke";
        args[1] = "--url";
        args[2] = "http://localhost:" + port();
        System.arraycopy(options, 0, args, 3, options.length);
        return run(args);
    }

    private int run(String... args) {
        return RamsetuCommand.commandLine(new PrintWriter(out), new PrintWriter(err), Map.of())
                .execute(args);
    }

    private static int port() {
        return PlatformInstance.get().port();
    }

    private Path tokenFile(String token) throws IOException {
        Path file = dir.resolve("token-" + System.nanoTime());
        Files.writeString(file, token + "\n");
        return file;
    }
}
