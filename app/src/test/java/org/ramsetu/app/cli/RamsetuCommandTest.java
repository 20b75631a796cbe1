package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RamsetuCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return RamsetuCommand.commandLine(
                        new PrintWriter(out, true), new PrintWriter(err, true), env)
                .execute(args);
    }

    @Test
    void unknownTargetExitsWithTwoAndOneLineNamingTheChoices() {
        int code = run(Map.of(), "serve", "--target", "mars");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString())
                .contains("unknown target 'mars'")
                .contains("all, api, scoring, worker");
    }

    @Test
    void unknownOptionExitsWithTwoAndOneLine() {
        int code = run(Map.of(), "serve", "--turbo");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("Unknown option: '--turbo'");
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        assertThat(run(Map.of(), "serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be 1-65535");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out.toString()).contains("Usage: ramsetu").contains("serve");

        assertThat(run(Map.of(), "serve", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: ramsetu serve").contains("--target");
    }

    @Test
    void splitTargetWithoutItsSettingsExitsWithConfigErrorNamingThem() {
        int code = run(Map.of(), "serve", "--target", "api");

        assertThat(code).isEqualTo(RamsetuCommand.EXIT_CONFIG);
        assertThat(err.toString()).contains("RAMSETU_DB_URL").contains("RAMSETU_JWT_SECRET");
    }

    @Test
    void workerWithTheSigningSecretStillNeedsTheDatabase() {
        int code =
                run(
                        Map.of("RAMSETU_JWT_SECRET", "worker-test-secret-0123456789abcdefghij"),
                        "serve",
                        "--target",
                        "worker");

        assertThat(code).isEqualTo(RamsetuCommand.EXIT_CONFIG);
        assertThat(err.toString()).contains("RAMSETU_DB_URL").doesNotContain("RAMSETU_JWT_SECRET");
    }

    @Test
    void malformedSettingIsReportedBeforeAnythingStarts() {
        int code = run(Map.of("RAMSETU_DB_URL", "mysql://db"), "serve");

        assertThat(code).isEqualTo(RamsetuCommand.EXIT_CONFIG);
        assertThat(err.toString()).contains("RAMSETU_DB_URL must be a PostgreSQL JDBC URL");
    }
}
