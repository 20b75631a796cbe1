package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.app.RamsetuMain;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.infra.blob.LocalFolderBlobStore;
import org.ramsetu.infra.crypto.AuthenticatorApp;
import org.ramsetu.infra.crypto.Totp;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.api.ContractCheck;
import org.ramsetu.scoring.registry.ModelRegistry;
import org.ramsetu.scoring.training.Dataset;
import org.ramsetu.scoring.training.ModelTrainer;
import org.ramsetu.scoring.training.TrainingParameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Item 5: {@code api}, {@code scoring} and {@code worker} as separate processes on one PostgreSQL.
 * A run is scored; with {@code scoring} killed the next run is answered within the time limit,
 * ranked clinically and marked degraded; once {@code scoring} is back the worker's re-scoring job
 * writes exactly one scored successor, linked to the degraded run, which stays as it was.
 * Allocation runs (the donor side, issue 10) go through the same three phases with their own job.
 */
class MatchingSplitModeIntegrationTest {

    private static final String SECRET = "matching-split-secret-0123456789abcdefgh";
    private static final String ADMIN = "coordinator@split.test";
    private static final String ADMIN_PASSWORD = "split coordinator password";
    private static final String ADMIN_AUTHENTICATOR = Totp.newSecret();
    private static final String PASSWORD = "correct horse battery staple";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("code: (\\d{6})");

    /** The client's time limit (ramsetu.scoring.client.time-limit) plus the run's own work. */
    private static final Duration ANSWER_LIMIT = Duration.ofMillis(2_500 + 2_000);

    @TempDir Path dir;

    private final List<Process> processes = new ArrayList<>();

    @Test
    void aDeadScoringTargetDegradesTheRunAndTheWorkerReScoresItOnceItIsBack() throws Exception {
        Path data = dir.resolve("data");
        trainTinyModels(data);
        try (EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dir.resolve("db"))) {
            int scoringPort = Http.freePort();
            int apiPort = Http.freePort();
            int workerPort = Http.freePort();
            Map<String, String> env = TargetEnvironments.of(data, db, SECRET);
            env.put("RAMSETU_SCORING_URL", "http://127.0.0.1:" + scoringPort);
            env.put("RAMSETU_BOOTSTRAP_ADMIN_EMAIL", ADMIN);
            env.put("RAMSETU_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("RAMSETU_BOOTSTRAP_ADMIN_TOTP_SECRET", ADMIN_AUTHENTICATOR);
            // Re-scoring retries every ≤ 2 s here rather than up to a minute.
            env.put(
                    "SPRING_APPLICATION_JSON",
                    "{\"ramsetu.matching.rescoring-backoff\":\"500ms\","
                            + "\"ramsetu.matching.rescoring-max-backoff\":\"2s\","
                            + "\"ramsetu.allocation.rescoring-backoff\":\"500ms\","
                            + "\"ramsetu.allocation.rescoring-max-backoff\":\"2s\","
                            + "\"ramsetu.scoring.client.open-for\":\"2s\"}");
            try {
                Process scoring = start("scoring", scoringPort, env);
                Process api = start("api", apiPort, env);
                start("worker", workerPort, env);
                awaitReady("scoring", scoring, scoringPort);
                awaitReady("api", api, apiPort);
                awaitReady("worker", processes.get(2), workerPort);

                String coordinator = login(apiPort, ADMIN, ADMIN_PASSWORD, null);
                String donor = signUp(apiPort, data, "DONOR", "donor@split.test");
                String patient = signUp(apiPort, data, "PATIENT", "patient@split.test");
                String pledgeId = pledgeVerified(apiPort, donor, coordinator);
                String requestId = liverRequest(apiPort, patient);
                joinCentre(apiPort, coordinator);
                verify(apiPort, coordinator, requestId);

                // 1. All three up: a scored run.
                JsonNode scored = runMatch(apiPort, coordinator, requestId);
                assertThat(scored.path("degraded").asBoolean()).as(scored.toString()).isFalse();
                assertThat(scored.path("modelVersion").asString()).startsWith("v");
                assertThat(candidate(scored, pledgeId).path("mlScore").isNumber()).isTrue();
                JsonNode allocated = runAllocation(apiPort, coordinator, pledgeId);
                assertThat(allocated.path("degraded").asBoolean())
                        .as(allocated.toString())
                        .isFalse();
                assertThat(request(allocated, requestId).path("mlScore").isNumber()).isTrue();

                // 2. scoring killed: degraded, answered within the limit, rescoring pending.
                scoring.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                long started = System.nanoTime();
                JsonNode degraded = runMatch(apiPort, coordinator, requestId);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(took).isLessThan(ANSWER_LIMIT);
                assertThat(degraded.path("degraded").asBoolean()).isTrue();
                assertThat(degraded.path("degradedCause").asString()).isNotBlank();
                assertThat(degraded.path("modelVersion").isNull()).isTrue();
                assertThat(degraded.path("rescoring").asString()).isEqualTo("PENDING");
                assertThat(candidate(degraded, pledgeId).path("explanation").asString())
                        .contains("clinical only (ML score unavailable)");
                assertThat(get(apiPort, "/actuator/health/readiness", null).body())
                        .as("the API stays ready without scoring")
                        .contains("\"status\":\"UP\"");
                assertThat(get(apiPort, "/actuator/health/scoring", null).body())
                        .contains("\"configured\":true")
                        .contains("circuitBreaker");
                assertThat(get(apiPort, "/actuator/prometheus", null).body())
                        .contains("resilience4j_circuitbreaker_state{")
                        // the degraded ratio and its cause, for the on-call engineer
                        .containsPattern(
                                "ramsetu_ranking_scoring_total\\{[^}]*outcome=\"degraded\"");
                String degradedId = degraded.path("id").asString();
                JsonNode degradedAllocation = runAllocation(apiPort, coordinator, pledgeId);
                assertThat(degradedAllocation.path("degraded").asBoolean()).isTrue();
                assertThat(degradedAllocation.path("degradedCause").asString()).isNotBlank();
                assertThat(degradedAllocation.path("rescoring").asString()).isEqualTo("PENDING");
                assertThat(request(degradedAllocation, requestId).path("explanation").asString())
                        .endsWith("clinical only (ML score unavailable)");
                String degradedAllocationId = degradedAllocation.path("id").asString();
                // A kidney recovered from a deceased donor's case goes the same way.
                String kidneyRequestId = kidneyRequest(apiPort, patient);
                verify(apiPort, coordinator, kidneyRequestId);
                String caseId = recoveredKidneyCase(apiPort, coordinator);
                JsonNode degradedCaseRun = runCaseAllocation(apiPort, coordinator, caseId);
                assertThat(degradedCaseRun.path("degraded").asBoolean())
                        .as(degradedCaseRun.toString())
                        .isTrue();
                assertThat(degradedCaseRun.path("rescoring").asString()).isEqualTo("PENDING");
                String degradedCaseRunId = degradedCaseRun.path("id").asString();

                // 3. scoring back on its port: the worker writes the scored successor.
                Process again = start("scoring-again", scoringPort, env);
                awaitReady("scoring-again", again, scoringPort);
                WorkerProcesses.await(
                        () ->
                                !readRun(apiPort, coordinator, degradedId)
                                        .path("rescoredBy")
                                        .isNull(),
                        Duration.ofSeconds(90));
                JsonNode stillDegraded = readRun(apiPort, coordinator, degradedId);
                assertThat(stillDegraded.path("degraded").asBoolean()).isTrue();
                assertThat(stillDegraded.path("rescoring").asString()).isEqualTo("DONE");
                assertThat(stillDegraded.path("candidates"))
                        .as("the degraded run is never modified")
                        .isEqualTo(degraded.path("candidates"));
                JsonNode rescored =
                        readRun(apiPort, coordinator, stillDegraded.path("rescoredBy").asString());
                assertThat(rescored.path("degraded").asBoolean()).isFalse();
                assertThat(rescored.path("trigger").asString()).isEqualTo("RESCORING");
                assertThat(rescored.path("rescoredFrom").asString()).isEqualTo(degradedId);
                assertThat(get(workerPort, "/actuator/prometheus", null).body())
                        .as("how long the degraded run waited for its re-scoring")
                        .containsPattern(
                                "ramsetu_rescoring_lag_seconds_count\\{[^}]*type=\"matching.rescore\"");
                assertThat(rescored.path("modelVersion").asString()).startsWith("v");
                assertThat(candidate(rescored, pledgeId).path("mlScore").isNumber()).isTrue();
                assertThat(stillDegraded.path("proposals"))
                        .allSatisfy(
                                p ->
                                        assertThat(p.path("status").asString())
                                                .isEqualTo("SUPERSEDED"));

                WorkerProcesses.await(
                        () ->
                                !readAllocation(apiPort, coordinator, degradedAllocationId)
                                        .path("rescoredBy")
                                        .isNull(),
                        Duration.ofSeconds(90));
                JsonNode allocationStill =
                        readAllocation(apiPort, coordinator, degradedAllocationId);
                assertThat(allocationStill.path("rescoring").asString()).isEqualTo("DONE");
                assertThat(allocationStill.path("candidates"))
                        .as("the degraded allocation run is never modified")
                        .isEqualTo(degradedAllocation.path("candidates"));
                JsonNode reallocated =
                        readAllocation(
                                apiPort,
                                coordinator,
                                allocationStill.path("rescoredBy").asString());
                assertThat(reallocated.path("degraded").asBoolean()).isFalse();
                assertThat(reallocated.path("trigger").asString()).isEqualTo("RESCORING");
                assertThat(reallocated.path("rescoredFrom").asString())
                        .isEqualTo(degradedAllocationId);
                assertThat(reallocated.path("policy").path("sha256").asString())
                        .as("re-scored under the policy the degraded run recorded")
                        .isEqualTo(degradedAllocation.path("policy").path("sha256").asString());
                assertThat(request(reallocated, requestId).path("mlScore").isNumber()).isTrue();
                WorkerProcesses.await(
                        () ->
                                !readAllocation(apiPort, coordinator, degradedCaseRunId)
                                        .path("rescoredBy")
                                        .isNull(),
                        Duration.ofSeconds(90));
                JsonNode caseRescored =
                        readAllocation(
                                apiPort,
                                coordinator,
                                readAllocation(apiPort, coordinator, degradedCaseRunId)
                                        .path("rescoredBy")
                                        .asString());
                assertThat(caseRescored.path("degraded").asBoolean()).isFalse();
                assertThat(caseRescored.path("donationCaseId").asString()).isEqualTo(caseId);
                assertThat(caseRescored.path("rescoredFrom").asString())
                        .isEqualTo(degradedCaseRunId);
                assertThat(request(caseRescored, kidneyRequestId).path("mlScore").isNumber())
                        .isTrue();

                // 4. Nothing lost, nothing duplicated, also after the job had time to misbehave.
                Thread.sleep(3_000);
                try (Connection c =
                        DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                    assertThat(
                                    count(
                                            c,
                                            "select count(*) from match_run where request_id = ?",
                                            requestId))
                            .isEqualTo(3);
                    assertThat(
                                    count(
                                            c,
                                            "select count(*) from match_run where rescored_from = ?",
                                            degradedId))
                            .isEqualTo(1);
                    assertThat(
                                    count(
                                            c,
                                            "select count(*) from job where type = 'matching.rescore'"
                                                    + " and status = 'DONE' and idempotency_key = ?",
                                            "rescore:" + degradedId))
                            .isEqualTo(1);
                    assertThat(
                                    count(
                                            c,
                                            "select count(*) from allocation_run where pledge_id = ?",
                                            pledgeId))
                            .isEqualTo(3);
                    assertThat(
                                    count(
                                            c,
                                            "select count(*) from job where type = 'allocation.rescore'"
                                                    + " and status = 'DONE' and idempotency_key = ?",
                                            "allocation-rescore:" + degradedAllocationId))
                            .isEqualTo(1);
                }
                assertThat(mailsTo(data, ADMIN))
                        .anyMatch(m -> m.contains("degraded match run"))
                        .anyMatch(m -> m.contains("re-scored match run ready"));
            } finally {
                for (Process p : processes) {
                    p.destroy();
                }
                for (Process p : processes) {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
        }
    }

    private static void trainTinyModels(Path data) {
        ModelRegistry registry =
                new ModelRegistry(
                        new LocalFolderBlobStore(data.resolve("blobs"), Clock.systemUTC()),
                        Clock.systemUTC());
        for (Organ organ : Organ.values()) {
            var model =
                    new ModelTrainer(new TrainingParameters(30, 2, 0.5, 2))
                            .train(Dataset.synthetic(organ, 2_000, 7), 7);
            registry.register(organ, model, 7, "test", "synthetic");
        }
    }

    private Process start(String name, int port, Map<String, String> env) throws IOException {
        String target = name.startsWith("scoring") ? "scoring" : name;
        ProcessBuilder pb =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx384m",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RamsetuMain.class.getName(),
                                "serve",
                                "--target",
                                target,
                                "--port",
                                Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env);
        if (target.equals("scoring")) {
            // The model server has no database: it must not be given one.
            Stream.of(
                            "RAMSETU_DB_URL",
                            "RAMSETU_DB_USER",
                            "RAMSETU_DB_PASSWORD",
                            "RAMSETU_SCORING_URL")
                    .forEach(pb.environment()::remove);
        }
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void awaitReady(String name, Process process, int port) throws InterruptedException {
        WorkerProcesses.await(
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(
                                name + " exited; see " + dir.resolve(name + ".log"));
                    }
                    try {
                        return get(port, "/actuator/health/readiness", null).statusCode() == 200;
                    } catch (AssertionError notYet) {
                        return false;
                    }
                },
                Duration.ofSeconds(120));
    }

    private static String signUp(int port, Path data, String role, String email)
            throws InterruptedException {
        posted(
                port,
                "/api/v1/auth/signup",
                null,
                Map.of(
                        "email", email,
                        "password", PASSWORD,
                        "role", role,
                        "fullName", "Split " + role.toLowerCase()),
                202);
        String[] code = new String[1];
        WorkerProcesses.await(
                () -> {
                    for (String mail : mailsTo(data, email)) {
                        Matcher m = CODE.matcher(mail);
                        if (m.find()) {
                            code[0] = m.group(1);
                            return true;
                        }
                    }
                    return false;
                },
                Duration.ofSeconds(60));
        JsonNode verified =
                posted(
                        port,
                        "/api/v1/auth/verify",
                        null,
                        Map.of("email", email, "role", role, "code", code[0]),
                        200);
        return verified.path("accessToken").asString();
    }

    private static String login(int port, String email, String password, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password));
        if (role != null) {
            body.put("role", role);
        }
        HttpResponse<String> login = post(port, "/api/v1/auth/login", null, body);
        if (login.statusCode() == 202) {
            login =
                    post(
                            port,
                            "/api/v1/auth/second-factor",
                            null,
                            Map.of(
                                    "challenge",
                                    JSON.readTree(login.body()).path("challenge").asString(),
                                    "code",
                                    AuthenticatorApp.nextCode(ADMIN_AUTHENTICATOR)));
        }
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).path("accessToken").asString();
    }

    private static String pledgeVerified(int port, String donor, String coordinator) {
        Map<String, Object> place =
                Map.of(
                        "city",
                        "Pune",
                        "state",
                        "Maharashtra",
                        "latitude",
                        18.5204,
                        "longitude",
                        73.8567);
        HttpResponse<String> profile =
                send(
                        "PUT",
                        port,
                        "/api/v1/donors/me",
                        donor,
                        Map.of(
                                "bloodGroup",
                                "AB+",
                                "dateOfBirth",
                                "1985-04-12",
                                "sex",
                                "FEMALE",
                                "heightCm",
                                162.5,
                                "weightKg",
                                58.0,
                                "location",
                                place,
                                "hla",
                                Map.of(
                                        "a", List.of("A1", "A2"),
                                        "b", List.of("B8", "B44"),
                                        "dr", List.of("DR3", "DR4")),
                                "medicalHistory",
                                Map.of("hypertension", false, "diabetes", false, "notes", "none"),
                                "consent",
                                true));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
        JsonNode pledge =
                posted(
                        port,
                        "/api/v1/pledges",
                        donor,
                        Map.of(
                                "organ",
                                "LIVER",
                                "consent",
                                true,
                                "liver",
                                Map.of(
                                        "bilirubin", Map.of("value", 0.8, "unit", "mg/dL"),
                                        "inr", 1.0,
                                        "liverFunction", "NORMAL",
                                        "imaging", "NORMAL",
                                        "viral", "NEGATIVE")),
                        201);
        String id = pledge.path("id").asString();
        posted(port, "/api/v1/admin/pledges/" + id + "/verify", coordinator, Map.of(), 200);
        return id;
    }

    private static String liverRequest(int port, String patient) {
        HttpResponse<String> profile =
                send(
                        "PUT",
                        port,
                        "/api/v1/patients/me",
                        patient,
                        Map.of(
                                "bloodGroup",
                                "AB+",
                                "dateOfBirth",
                                "1970-01-20",
                                "sex",
                                "MALE",
                                "heightCm",
                                170.0,
                                "weightKg",
                                70.0,
                                "hla",
                                Map.of(
                                        "a", List.of("A1", "A2"),
                                        "b", List.of("B8", "B44"),
                                        "dr", List.of("DR3", "DR4")),
                                "unacceptableAntigens",
                                List.of(),
                                "hospital",
                                Map.of(
                                        "name", "KEM Hospital",
                                        "city", "Mumbai",
                                        "state", "Maharashtra",
                                        "latitude", 19.0022,
                                        "longitude", 72.8416)));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
        JsonNode request =
                posted(
                        port,
                        "/api/v1/transplant-requests",
                        patient,
                        Map.of(
                                "organ",
                                "LIVER",
                                "urgency",
                                4,
                                "liver",
                                Map.of(
                                        "bilirubin",
                                        Map.of("value", 3.2, "unit", "mg/dL"),
                                        "inr",
                                        1.8,
                                        "creatinine",
                                        Map.of("value", 1.4, "unit", "mg/dL"),
                                        "sodium",
                                        130.0,
                                        "albumin",
                                        Map.of("value", 2.8, "unit", "g/dL"),
                                        "dialysedTwiceInPastWeek",
                                        false)),
                        201);
        return request.path("id").asString();
    }

    /** Registers a centre and has the (administrator) coordinator work for it. */
    private static void joinCentre(int port, String coordinator) {
        JsonNode centre =
                posted(
                        port,
                        "/api/v1/admin/centres",
                        coordinator,
                        Map.of(
                                "name", "KEM Hospital",
                                "registrationNumber", "MH/TTX/SPLIT",
                                "city", "Mumbai",
                                "state", "Maharashtra",
                                "latitude", 19.0022,
                                "longitude", 72.8416,
                                "programmes", List.of("KIDNEY", "LIVER")),
                        201);
        posted(
                port,
                "/api/v1/admin/centres/" + centre.path("id").asString() + "/coordinators",
                coordinator,
                Map.of("email", ADMIN),
                200);
    }

    /** The centre's coordinator verifies the listing: only then does it count for allocation. */
    private static void verify(int port, String coordinator, String requestId) {
        posted(
                port,
                "/api/v1/admin/transplant-requests/" + requestId + "/verify",
                coordinator,
                Map.of("urgency", 4, "evidence", "labs checked"),
                200);
    }

    private static JsonNode runMatch(int port, String coordinator, String requestId) {
        return posted(
                port,
                "/api/v1/transplant-requests/" + requestId + "/match-runs",
                coordinator,
                Map.of(),
                201);
    }

    private static JsonNode runAllocation(int port, String coordinator, String pledgeId) {
        return posted(
                port,
                "/api/v1/pledges/" + pledgeId + "/allocation-runs",
                coordinator,
                Map.of(),
                201);
    }

    /** The patient's second listing: a kidney (one open request per organ). */
    private static String kidneyRequest(int port, String patient) {
        JsonNode request =
                posted(
                        port,
                        "/api/v1/transplant-requests",
                        patient,
                        Map.of(
                                "organ",
                                "KIDNEY",
                                "urgency",
                                3,
                                "kidney",
                                Map.of(
                                        "diabetes",
                                        false,
                                        "priorTransplant",
                                        false,
                                        "dialysisStartDate",
                                        "2023-01-01")),
                        201);
        return request.path("id").asString();
    }

    /**
     * A family-consent case in Mumbai whose kidney was recovered an hour ago; its donor's typing is
     * the patient's, so the kidney reaches them across blood groups (a zero mismatch).
     */
    private static String recoveredKidneyCase(int port, String coordinator) {
        java.time.Instant now =
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("ageYears", 45);
        record.put("sex", "FEMALE");
        record.put("heightCm", 160.0);
        record.put("weightKg", 62.0);
        record.put("bloodGroup", "O+");
        record.put(
                "hla",
                Map.of(
                        "a", List.of("A1", "A2"),
                        "b", List.of("B8", "B44"),
                        "dr", List.of("DR3", "DR4")));
        record.put("causeOfDeath", "HEAD_TRAUMA");
        record.put("pathway", "DBD");
        record.put("terminalCreatinine", Map.of("value", 1.0, "unit", "mg/dL"));
        record.put("hypertension", false);
        record.put("diabetes", false);
        record.put("serology", Map.of("hcv", "NEGATIVE", "hbv", "NEGATIVE", "hiv", "NEGATIVE"));
        record.put("declaredDeadAt", now.minus(java.time.Duration.ofHours(3)).toString());
        record.put(
                "hospital",
                Map.of(
                        "name", "Sion Hospital",
                        "city", "Mumbai",
                        "state", "Maharashtra",
                        "latitude", 19.0380,
                        "longitude", 72.8600));
        record.put("organsConsented", List.of("KIDNEY"));
        JsonNode opened =
                posted(
                        port,
                        "/api/v1/admin/donation-cases",
                        coordinator,
                        Map.of("consent", "FAMILY", "record", record),
                        201);
        String id = opened.path("id").asString();
        posted(
                port,
                "/api/v1/admin/donation-cases/" + id + "/recovery",
                coordinator,
                Map.of(
                        "organsRecovered",
                        List.of("KIDNEY"),
                        "crossClampAt",
                        now.minus(java.time.Duration.ofHours(1)).toString()),
                200);
        return id;
    }

    private static JsonNode runCaseAllocation(int port, String coordinator, String caseId) {
        return posted(
                port,
                "/api/v1/admin/donation-cases/" + caseId + "/allocation-runs",
                coordinator,
                Map.of("organ", "KIDNEY"),
                201);
    }

    private static JsonNode readAllocation(int port, String coordinator, String runId) {
        return readStored(port, coordinator, "/api/v1/allocation-runs/" + runId);
    }

    private static JsonNode request(JsonNode allocation, String requestId) {
        return ranked(allocation, "requestId", requestId);
    }

    private static JsonNode readRun(int port, String coordinator, String runId) {
        return readStored(port, coordinator, "/api/v1/match-runs/" + runId);
    }

    private static JsonNode candidate(JsonNode run, String pledgeId) {
        return ranked(run, "pledgeId", pledgeId);
    }

    /** A stored run of either kind, read by the coordinator (200 expected). */
    private static JsonNode readStored(int port, String coordinator, String path) {
        HttpResponse<String> run = get(port, path, coordinator);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        return JSON.readTree(run.body());
    }

    /** The ranked candidate whose {@code idField} is {@code id}. */
    private static JsonNode ranked(JsonNode run, String idField, String id) {
        for (JsonNode c : run.path("candidates")) {
            if (c.path(idField).asString().equals(id)) {
                return c;
            }
        }
        throw new AssertionError(idField + " " + id + " not ranked in " + run);
    }

    private static long count(Connection c, String sql, String parameter) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("idempotency_key")) {
                s.setString(1, parameter);
            } else {
                s.setObject(1, UUID.fromString(parameter));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> mailsTo(Path data, String address) {
        Path folder = data.resolve("mail");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> mails = new ArrayList<>();
            for (Path f : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try {
                    String mail = Files.readString(f);
                    if (mail.contains(address)) {
                        mails.add(mail);
                    }
                } catch (IOException vanished) {
                    // being written; read it next time
                }
            }
            return mails;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(int port, String path, String token) {
        return call(HttpRequest.newBuilder(uri(port, path)).GET(), token, null);
    }

    /**
     * Posts, requires the status {@code expected} (the body explains any other), and reads the
     * answer.
     */
    private static JsonNode posted(int port, String path, String token, Object body, int expected) {
        HttpResponse<String> response = post(port, path, token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(int port, String path, String token, Object body) {
        return send("POST", port, path, token, body);
    }

    private static HttpResponse<String> send(
            String method, int port, String path, String token, Object body) {
        String json = JSON.writeValueAsString(body);
        return call(
                HttpRequest.newBuilder(uri(port, path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json)),
                token,
                json);
    }

    /** Sends, and holds the exchange to the API description as the in-process tests do. */
    private static HttpResponse<String> call(
            HttpRequest.Builder request, String token, String json) {
        request.timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ContractCheck.send(HTTP, request.build(), json);
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
