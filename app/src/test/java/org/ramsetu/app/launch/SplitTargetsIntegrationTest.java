package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.mail.Mailer;
import org.ramsetu.infra.mail.QueuedMail;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.settings.InvalidSettingsException;
import org.ramsetu.infra.settings.RamsetuSettings;

/**
 * Split mode: the same binary as separate targets against one external PostgreSQL (a server this
 * test starts, standing in for the managed one), as an operator scales them horizontally.
 */
class SplitTargetsIntegrationTest {

    private static final String SECRET = "split-mode-test-secret-0123456789abcdef";
    private static final String COORDINATOR = CoordinatorTokens.signedWith(SECRET);

    @TempDir static Path externalDbDir;
    @TempDir static Path apiDataDir;
    private static EmbeddedPostgresServer externalDb;
    private static RunningRamsetu apiOne;
    private static RunningRamsetu apiTwo;

    @BeforeAll
    static void startTwoApiInstancesOnOneDatabase() {
        externalDb = EmbeddedPostgresServer.start(externalDbDir);
        apiOne = RamsetuLauncher.start(Target.API, splitSettings(), OptionalInt.of(0));
        apiTwo = RamsetuLauncher.start(Target.API, splitSettings(), OptionalInt.of(0));
    }

    @AfterAll
    static void stop() {
        Closeables.closeAll(apiOne, apiTwo, externalDb);
    }

    @Test
    void eitherApiInstanceServesTheSameSharedData() {
        String one = instanceId(apiOne);
        String two = instanceId(apiTwo);

        for (RunningRamsetu api : new RunningRamsetu[] {apiOne, apiTwo}) {
            assertThat(Http.get(api.port(), "/actuator/health/readiness").body())
                    .contains("\"status\":\"UP\"");
            assertThat(Http.get(api.port(), "/actuator/instances", COORDINATOR).body())
                    .contains(one)
                    .contains(two);
        }
    }

    @Test
    void onlyTargetsThatSendMailHoldAMailer() {
        assertThat(apiOne.context().getBeanNamesForType(Mailer.class))
                .as("the api queues mail and never sends it")
                .isEmpty();
        assertThat(apiOne.context().getBeanNamesForType(QueuedMail.class)).hasSize(1);
    }

    @Test
    void splitTargetsNeverStartTheirOwnDatabase() {
        assertThat(apiDataDir.resolve("pg")).doesNotExist();
    }

    @Test
    void workerRunsOnTheSharedDatabaseWithItsOwnProbes() {
        try (RunningRamsetu worker =
                RamsetuLauncher.start(Target.WORKER, splitSettings(), OptionalInt.of(0))) {
            assertThat(Http.get(worker.port(), "/actuator/health/readiness").body())
                    .contains("\"status\":\"UP\"")
                    .contains("migrations");
            assertThat(Http.get(worker.port(), "/").statusCode()).isEqualTo(404);
            assertThat(worker.context().getBeanNamesForType(Mailer.class)).hasSize(1);
            assertThat(Http.get(apiOne.port(), "/actuator/instances", COORDINATOR).body())
                    .contains(instanceId(worker));
        }
    }

    @Test
    void scoringRunsWithoutADatabase() {
        RamsetuSettings noDatabase =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_DATA_DIR",
                                apiDataDir.toString(),
                                "RAMSETU_JWT_SECRET",
                                SECRET));
        try (RunningRamsetu scoring =
                RamsetuLauncher.start(Target.SCORING, noDatabase, OptionalInt.of(0))) {
            assertThat(Http.get(scoring.port(), "/actuator/health/readiness").body())
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("\"db\"");
            assertThat(Http.get(scoring.port(), "/actuator/prometheus").body())
                    .contains("target=\"scoring\"");
        }
    }

    @Test
    void apiWithoutDatabaseOrJwtSecretRefusesToStartNamingBoth() {
        RamsetuSettings empty = RamsetuSettings.fromEnvironment(Map.of());

        assertThatThrownBy(() -> RamsetuLauncher.start(Target.API, empty, OptionalInt.of(0)))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e ->
                                assertThat(e.problems())
                                        .anyMatch(p -> p.contains("RAMSETU_DB_URL"))
                                        .anyMatch(p -> p.contains("RAMSETU_JWT_SECRET")));
    }

    @Test
    void workerAndScoringRefuseToStartWithoutTheSharedSigningSecret() {
        RamsetuSettings withDatabaseOnly =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_DB_URL", externalDb.jdbcUrl(),
                                "RAMSETU_DATA_DIR", apiDataDir.toString()));

        for (Target target : new Target[] {Target.WORKER, Target.SCORING}) {
            assertThatThrownBy(
                            () ->
                                    RamsetuLauncher.start(
                                            target, withDatabaseOnly, OptionalInt.of(0)))
                    .isInstanceOfSatisfying(
                            InvalidSettingsException.class,
                            e ->
                                    assertThat(e.problems())
                                            .anyMatch(p -> p.contains("RAMSETU_JWT_SECRET")));
        }
    }

    private static RamsetuSettings splitSettings() {
        return RamsetuSettings.fromEnvironment(
                TargetEnvironments.of(apiDataDir, externalDb, SECRET));
    }

    private static String instanceId(RunningRamsetu running) {
        return running.context().getBean(LaunchDescription.class).instanceId();
    }
}
