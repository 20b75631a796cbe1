package org.ramsetu.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.MultipartConfigElement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.app.launch.RamsetuLauncher;
import org.ramsetu.app.launch.RunningRamsetu;
import org.ramsetu.app.launch.Target;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.infra.mail.Mailer;
import org.ramsetu.infra.scoring.Candidate;
import org.ramsetu.infra.scoring.CandidateProblem;
import org.ramsetu.infra.scoring.HttpScoringClient;
import org.ramsetu.infra.scoring.InvalidCandidatesException;
import org.ramsetu.infra.scoring.RankRequest;
import org.ramsetu.infra.scoring.ScoreRequest;
import org.ramsetu.infra.scoring.ScoringClient;
import org.ramsetu.infra.scoring.ScoringCredentials;
import org.ramsetu.infra.scoring.UnknownOrganException;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.ramsetu.platform.api.ContractCheck;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.security.AccessTokens;
import org.ramsetu.platform.security.ServiceTokens;
import org.ramsetu.platform.security.TokenKeys;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainingParameters;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/** {@code ramsetu serve --target scoring} after models were registered: ready, then serving. */
class ScoringTargetIntegrationTest {

    private static final String SECRET = "scoring-test-secret-0123456789abcdefgh";
    private static final ServiceTokens SERVICE =
            new ServiceTokens(new TokenKeys(SECRET), "test", Clock.systemUTC());

    @TempDir static Path dataDir;
    private static RunningRamsetu scoring;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void trainThenServe() {
        ModelRegistry registry =
                new ModelRegistry(
                        new LocalFolderBlobStore(dataDir.resolve("blobs"), Clock.systemUTC()),
                        Clock.systemUTC());
        for (Organ organ : Organ.values()) {
            var model =
                    new ModelTrainer(new TrainingParameters(30, 2, 0.5, 2))
                            .train(Dataset.synthetic(organ, 2_000, 7), 7);
            registry.register(organ, model, 7, "test", "synthetic");
        }
        scoring =
                RamsetuLauncher.start(
                        Target.SCORING,
                        RamsetuSettings.fromEnvironment(
                                Map.of(
                                        "RAMSETU_DATA_DIR",
                                        dataDir.toString(),
                                        "RAMSETU_JWT_SECRET",
                                        SECRET,
                                        // as in a deployment's env file shared by every target:
                                        // the model server must ignore it, not fail on it
                                        "RAMSETU_DB_URL",
                                        "jdbc:postgresql://127.0.0.1:1/unreachable")),
                        OptionalInt.of(0));
    }

    @AfterAll
    static void stop() {
        if (scoring != null) scoring.close();
    }

    @Test
    void becomesReadyWithAllFourModelsAndRanksOverHttp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> readiness;
        do {
            readiness = send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET(), null);
            if (readiness.statusCode() == 200) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(readiness.body()).contains("\"models\":{\"status\":\"UP\"");

        String rank =
                "{\"candidates\":[{\"id\":\"h1\",\"features\":{\"blood_compat_score\":0.9,"
                        + "\"echo_score\":0.9,\"angiography_score\":0.9,\"viral_score\":0.95,\"cardiac_risk_score\":0.85,"
                        + "\"distance_km\":300,\"urgency_level\":4}}],\"topK\":5}";
        HttpResponse<String> ranked =
                send(
                        HttpRequest.newBuilder(uri("/v1/models/heart/rank"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(rank)),
                        rank);
        assertThat(ranked.statusCode()).isEqualTo(200);
        assertThat(ranked.body()).contains("\"id\":\"h1\"").contains("\"contributions\"");

        HttpResponse<String> models = send(HttpRequest.newBuilder(uri("/v1/models")).GET(), null);
        assertThat(models.body()).contains("\"organ\":\"kidney\"").contains("\"organ\":\"cornea\"");

        HttpResponse<String> metrics =
                send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET(), null);
        assertThat(metrics.body())
                .contains("ramsetu_scoring_latency_seconds_bucket{")
                .contains("ramsetu_scoring_model_info{")
                .contains("ramsetu_scoring_model_load_seconds_count{");
    }

    @Test
    void buildsOnlyWhatAModelServerServes() {
        ConfigurableApplicationContext context = scoring.context();
        String[] excluded =
                context.getEnvironment()
                        .getProperty("spring.autoconfigure.exclude", String[].class);
        assertThat(excluded)
                .as(
                        "each auto-configuration the scoring target leaves out still exists by that name")
                .isNotEmpty()
                .allSatisfy(
                        name ->
                                assertThat(ClassUtils.isPresent(name.trim(), null))
                                        .as(name)
                                        .isTrue());
        assertThat(context.getBeanNamesForType(SpringDocConfigProperties.class))
                .as("no OpenAPI description of its own")
                .isEmpty();
        assertThat(context.getBeanNamesForType(MultipartConfigElement.class)).isEmpty();
        assertThat(context.getBeanNamesForType(TransactionManagerCustomizers.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Mailer.class))
                .as("no mail sender: the model server sends no mail")
                .isEmpty();
    }

    @Test
    void theHttpClientAndTheInProcessClientGiveTheSameAnswersAndTheSameErrors() {
        ScoringClient inProcess = scoring.context().getBean(ScoringClient.class);
        ScoringClient overHttp =
                new HttpScoringClient(
                        URI.create("http://localhost:" + scoring.port()),
                        Duration.ofSeconds(10),
                        ObservationRegistry.NOOP,
                        SERVICE);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            candidates.add(
                    new Candidate(
                            "k" + i,
                            Map.of(
                                    "hla_score",
                                    0.4 + i / 100.0,
                                    "renal_score",
                                    0.9,
                                    "imaging_score",
                                    0.7,
                                    "cardiac_score",
                                    0.8,
                                    "distance_km",
                                    20.0 * i,
                                    "urgency_level",
                                    1.0 + i % 5)));
        }

        assertThat(overHttp.rank("kidney", new RankRequest(candidates, 7)))
                .isEqualTo(inProcess.rank("kidney", new RankRequest(candidates, 7)));
        assertThat(overHttp.score("KIDNEY", new ScoreRequest(candidates)))
                .isEqualTo(inProcess.score("KIDNEY", new ScoreRequest(candidates)));
        assertThat(overHttp.models()).isEqualTo(inProcess.models());

        Candidate bad = new Candidate("bad", Map.of("hla_score", 3.0));
        for (ScoringClient client : List.of(inProcess, overHttp)) {
            assertThatThrownBy(() -> client.score("kidney", new ScoreRequest(List.of(bad))))
                    .isInstanceOfSatisfying(
                            InvalidCandidatesException.class,
                            e ->
                                    assertThat(e.problems())
                                            .extracting(CandidateProblem::candidateId)
                                            .containsOnly("bad"));
            assertThatThrownBy(() -> client.score("lung", new ScoreRequest(List.of())))
                    .isInstanceOf(UnknownOrganException.class);
        }
    }

    @Test
    void onlyServiceTokensAndCoordinatorsMayCallTheModelServer() throws Exception {
        ServiceTokens otherSecret =
                new ServiceTokens(
                        new TokenKeys("another-cluster-secret-9876543210zyxwvu"),
                        "intruder",
                        Clock.systemUTC());
        String donor =
                new AccessTokens(new TokenKeys(SECRET), Duration.ofMinutes(5), Clock.systemUTC())
                        .issue(UUID.randomUUID(), Role.DONOR, UUID.randomUUID());
        String coordinator =
                new AccessTokens(new TokenKeys(SECRET), Duration.ofMinutes(5), Clock.systemUTC())
                        .issue(UUID.randomUUID(), Role.ADMIN, UUID.randomUUID());

        assertThat(status(null)).as("anonymous").isEqualTo(401);
        assertThat(status(otherSecret.bearerToken().orElseThrow()))
                .as("a service token of another secret")
                .isEqualTo(401);
        assertThat(status(donor)).as("a donor").isEqualTo(403);
        assertThat(status(coordinator)).as("a coordinator").isEqualTo(200);
        assertThat(status(SERVICE.bearerToken().orElseThrow())).as("a service").isEqualTo(200);
        HttpResponse<String> inItsHeader =
                HTTP.send(
                        HttpRequest.newBuilder(uri("/v1/models"))
                                .header(
                                        ScoringCredentials.HEADER,
                                        SERVICE.bearerToken().orElseThrow())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(inItsHeader.statusCode()).as("in the service-token header").isEqualTo(200);
        HttpResponse<String> operations =
                HTTP.send(
                        HttpRequest.newBuilder(uri("/actuator/configprops"))
                                .header(
                                        "Authorization",
                                        "Bearer " + SERVICE.bearerToken().orElseThrow())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(operations.statusCode())
                .as("a service token opens the scoring API only")
                .isIn(403, 404);
    }

    private static int status(String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/models")).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(
                        request.timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + scoring.port() + path);
    }

    /**
     * As the api and worker targets call: with a service token; the exchange is held to the API
     * description as the in-process tests' are.
     */
    private static HttpResponse<String> send(HttpRequest.Builder request, String json) {
        request.header(ScoringCredentials.HEADER, SERVICE.bearerToken().orElseThrow());
        return ContractCheck.send(HTTP, request.timeout(Duration.ofSeconds(10)).build(), json);
    }
}
