package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class AllTargetIntegrationTest {

    @TempDir static Path dataDir;
    private static RunningRamsetu ramsetu;

    @BeforeAll
    static void startAllOnEmbeddedDefaults() {
        RamsetuSettings settings =
                RamsetuSettings.fromEnvironment(Map.of("RAMSETU_DATA_DIR", dataDir.toString()));
        ramsetu = RamsetuLauncher.start(Target.ALL, settings, OptionalInt.of(0));
    }

    @AfterAll
    static void stop() {
        if (ramsetu != null) {
            ramsetu.close();
        }
    }

    @Test
    void readinessIsUpWithDatabaseAndMigrations() {
        var response = Http.get(ramsetu.port(), "/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"status\":\"UP\"")
                .contains("\"db\":{\"status\":\"UP\"}")
                .contains("\"migrations\":{\"status\":\"UP\"}");
        assertThat(Http.get(ramsetu.port(), "/actuator/health/liveness").statusCode())
                .isEqualTo(200);
    }

    @Test
    void migrationsAreAppliedToTheEmbeddedDatabaseInTheDataFolder() {
        JdbcClient jdbc = ramsetu.context().getBean(JdbcClient.class);

        List<String> applied =
                jdbc.sql(
                                "select version from flyway_schema_history where success order"
                                        + " by installed_rank")
                        .query(String.class)
                        .list();

        assertThat(applied).startsWith("1");
        assertThat(dataDir.resolve("pg/PG_VERSION")).exists();
    }

    @Test
    void prometheusScrapeHasJvmHttpAndPoolMetricsTaggedByTargetAndInstance() {
        Http.get(ramsetu.port(), "/");
        String instance = ramsetu.context().getBean(LaunchDescription.class).instanceId();

        var scrape = Http.get(ramsetu.port(), "/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        for (String metric :
                List.of(
                        "jvm_memory_used_bytes",
                        "http_server_requests_seconds_count",
                        "hikaricp_connections_active",
                        "tomcat_sessions_active_current_sessions")) {
            assertThat(scrape.body().lines().filter(l -> l.startsWith(metric + "{")))
                    .as(metric)
                    .isNotEmpty()
                    .allSatisfy(
                            line ->
                                    assertThat(line)
                                            .contains("application=\"ramsetu\"")
                                            .contains("target=\"all\"")
                                            .contains("instance=\"" + instance + "\""));
        }
    }

    @Test
    void landingPageIsServed() {
        var page = Http.get(ramsetu.port(), "/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>RamSetu");
    }

    @Test
    void logsAreJsonLinesAndRequestEventsCarryTraceAndSpanIds(CapturedOutput output) {
        Http.get(ramsetu.port(), "/index.html");

        String requestLine =
                output.getOut()
                        .lines()
                        .filter(l -> l.contains("\"message\":\"GET /index.html 200"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no request log event"));
        assertThat(requestLine)
                .startsWith("{")
                .endsWith("}")
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"")
                .containsPattern("\"spanId\":\"[0-9a-f]{16}\"");
    }

    @Test
    void thisInstanceIsRegistered() {
        var instances = Http.get(ramsetu.port(), "/actuator/instances");

        assertThat(instances.body())
                .contains(ramsetu.context().getBean(LaunchDescription.class).instanceId());
    }
}
