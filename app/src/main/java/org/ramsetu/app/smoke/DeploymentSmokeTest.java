package org.ramsetu.app.smoke;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The critical paths of a deployed RamSetu, checked from outside as its users reach them: every
 * target it can see is ready, a sign-up's code is delivered and works, every list answers, and a
 * match run completes on a canary transplant request. Run after each deployment (the rollout drill
 * runs it on every new instance before it takes traffic).
 *
 * <p>It writes what a person would: one donor account per run (e-mail {@code smoke-…@domain},
 * verified when the mailbox is given) and, with a canary request, one match run on it. Nothing else
 * changes.
 */
public final class DeploymentSmokeTest {

    /** What to check and how. Empty optionals switch the checks that need them off. */
    public record Settings(
            URI url,
            Optional<String> coordinatorToken,
            Optional<Path> mailbox,
            Optional<UUID> canaryRequest,
            boolean instances,
            String emailDomain,
            Duration requestTimeout,
            Duration mailPatience,
            Optional<Path> trustedCertificates) {}

    /** One check's outcome; {@code skipped} checks neither pass nor fail. */
    public record Outcome(String check, Status status, String detail, long millis) {

        public enum Status {
            PASSED,
            FAILED,
            SKIPPED
        }
    }

    /** The coordinator's lists, each read once (first page). */
    private static final List<String> COORDINATOR_LISTS =
            List.of(
                    "/api/v1/pledges",
                    "/api/v1/transplant-requests",
                    "/api/v1/matches",
                    "/api/v1/admin/donors",
                    "/api/v1/admin/patients",
                    "/api/v1/admin/documents",
                    "/api/v1/admin/audit",
                    "/api/v1/admin/stats");

    /** What a signed-in donor reads first. */
    private static final List<String> DONOR_LISTS =
            List.of("/api/v1/me", "/api/v1/pledges", "/api/v1/matches", "/api/v1/documents");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Settings settings;
    private final SmokeHttp http;
    private final List<Outcome> outcomes = new ArrayList<>();
    private Consumer<Outcome> listener = o -> {};

    public DeploymentSmokeTest(Settings settings) {
        this.settings = settings;
        this.http = new SmokeHttp(settings.requestTimeout(), settings.trustedCertificates());
    }

    /** Runs every check in order, telling {@code listener} of each as it ends. */
    public List<Outcome> run(Consumer<Outcome> listener) throws InterruptedException {
        this.listener = listener;
        readiness("readiness " + settings.url(), settings.url());
        instances();
        signUpAndRead();
        coordinatorLists();
        canaryMatchRun();
        return List.copyOf(outcomes);
    }

    private void readiness(String check, URI base) {
        timed(
                check,
                () -> {
                    SmokeHttp.Answer answer =
                            http.get(at(base, "/actuator/health/readiness"), null);
                    if (!answer.is(200)) {
                        return fail(answer.why());
                    }
                    return pass("UP");
                });
    }

    /** Every instance that shares the database (the instances endpoint), ready where it runs. */
    private void instances() {
        if (!settings.instances()) {
            skip("readiness of every instance", "switched off (--no-instances)");
            return;
        }
        if (settings.coordinatorToken().isEmpty()) {
            skip("readiness of every instance", "needs --coordinator-token-file");
            return;
        }
        SmokeHttp.Answer listed;
        try {
            listed =
                    http.get(
                            at(settings.url(), "/actuator/instances"),
                            settings.coordinatorToken().get());
        } catch (SmokeHttp.Unreachable e) {
            record("instances", Outcome.Status.FAILED, e.getMessage(), 0);
            return;
        }
        if (!listed.is(200) || listed.json() == null || !listed.json().isArray()) {
            record("instances", Outcome.Status.FAILED, listed.why(), 0);
            return;
        }
        if (listed.json().isEmpty()) {
            record("instances", Outcome.Status.FAILED, "no instance has registered", 0);
            return;
        }
        for (JsonNode instance : listed.json()) {
            String target = instance.path("target").asString("?");
            String host = instance.path("host").asString("");
            int port = instance.path("port").asInt(0);
            if (host.isEmpty() || port <= 0) {
                record(
                        "readiness " + target,
                        Outcome.Status.FAILED,
                        "instance " + instance.path("id").asString("?") + " has no address",
                        0);
                continue;
            }
            String authority = hostForUri(host) + ":" + port;
            // Instances register host and port only; they are reached the way the --url is.
            readiness(
                    "readiness " + target + " " + authority,
                    URI.create(settings.url().getScheme() + "://" + authority));
        }
    }

    /** A donor signs up; with a mailbox, the mailed code verifies the account and it reads. */
    private void signUpAndRead() throws InterruptedException {
        String email =
                "smoke-" + HexFormat.of().formatHex(randomBytes(6)) + "@" + settings.emailDomain();
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
        boolean accepted =
                timed(
                        "sign-up " + email,
                        () -> {
                            SmokeHttp.Answer answer =
                                    http.post(
                                            at(settings.url(), "/api/v1/auth/signup"),
                                            null,
                                            Map.of(
                                                    "email",
                                                    email,
                                                    "password",
                                                    password,
                                                    "role",
                                                    "DONOR",
                                                    "fullName",
                                                    "RamSetu smoke test"),
                                            null);
                            return answer.is(202) ? pass("202") : fail(answer.why());
                        });
        if (!accepted) {
            return;
        }
        if (settings.mailbox().isEmpty()) {
            skip("code delivery", "needs --mailbox");
            return;
        }
        Mailbox mailbox = new Mailbox(settings.mailbox().get());
        long started = System.nanoTime();
        Optional<String> code = mailbox.awaitCode(email, settings.mailPatience());
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (code.isEmpty()) {
            record(
                    "code delivery",
                    Outcome.Status.FAILED,
                    "no code mailed to "
                            + email
                            + " reached "
                            + mailbox.folder()
                            + " within "
                            + settings.mailPatience().toSeconds()
                            + " s",
                    waited);
            return;
        }
        record("code delivery", Outcome.Status.PASSED, "in " + waited + " ms", waited);
        String[] token = new String[1];
        boolean verified =
                timed(
                        "verification",
                        () -> {
                            SmokeHttp.Answer answer =
                                    http.post(
                                            at(settings.url(), "/api/v1/auth/verify"),
                                            null,
                                            Map.of(
                                                    "email",
                                                    email,
                                                    "role",
                                                    "DONOR",
                                                    "code",
                                                    code.get()),
                                            null);
                            if (!answer.is(200) || answer.json() == null) {
                                return fail(answer.why());
                            }
                            token[0] = answer.json().path("accessToken").asString("");
                            return token[0].isEmpty() ? fail("no access token") : pass("200");
                        });
        if (verified) {
            for (String list : DONOR_LISTS) {
                readList("donor " + list, list, token[0]);
            }
        }
    }

    private void coordinatorLists() {
        if (settings.coordinatorToken().isEmpty()) {
            skip("coordinator lists", "needs --coordinator-token-file");
            return;
        }
        for (String list : COORDINATOR_LISTS) {
            readList("coordinator " + list, list, settings.coordinatorToken().get());
        }
    }

    private void readList(String check, String path, String token) {
        timed(
                check,
                () -> {
                    SmokeHttp.Answer answer = http.get(at(settings.url(), path), token);
                    if (!answer.is(200)) {
                        return fail(answer.why());
                    }
                    if (answer.json() == null) {
                        return fail("HTTP 200 without a JSON body");
                    }
                    return pass("200");
                });
    }

    /** A match run on the canary request, then the run read back by its id. */
    private void canaryMatchRun() {
        if (settings.coordinatorToken().isEmpty() || settings.canaryRequest().isEmpty()) {
            skip(
                    "match run",
                    settings.coordinatorToken().isEmpty()
                            ? "needs --coordinator-token-file and --canary-request"
                            : "needs --canary-request");
            return;
        }
        String token = settings.coordinatorToken().get();
        UUID request = settings.canaryRequest().get();
        timed(
                "match run on " + request,
                () -> {
                    SmokeHttp.Answer run =
                            http.post(
                                    at(
                                            settings.url(),
                                            "/api/v1/transplant-requests/"
                                                    + request
                                                    + "/match-runs"),
                                    token,
                                    null,
                                    UUID.randomUUID().toString());
                    if (!run.is(201) || run.json() == null) {
                        return fail(run.why());
                    }
                    String id = run.json().path("id").asString("");
                    if (id.isEmpty() || !run.json().path("candidates").isArray()) {
                        return fail("the run has no id or no candidate list");
                    }
                    SmokeHttp.Answer read =
                            http.get(at(settings.url(), "/api/v1/match-runs/" + id), token);
                    if (!read.is(200) || read.json() == null) {
                        return fail("reading run " + id + ": " + read.why());
                    }
                    if (!id.equals(read.json().path("id").asString(""))) {
                        return fail("reading run " + id + " answered another run");
                    }
                    return pass(
                            "run "
                                    + id
                                    + ", "
                                    + run.json().path("candidates").size()
                                    + " candidates"
                                    + (run.json().path("degraded").asBoolean(false)
                                            ? ", degraded"
                                            : ""));
                });
    }

    // ---- bookkeeping -------------------------------------------------------------------------

    private record Verdict(boolean passed, String detail) {}

    @FunctionalInterface
    private interface Check {
        Verdict run() throws SmokeHttp.Unreachable;
    }

    private static Verdict pass(String detail) {
        return new Verdict(true, detail);
    }

    private static Verdict fail(String detail) {
        return new Verdict(false, detail);
    }

    private boolean timed(String name, Check check) {
        long started = System.nanoTime();
        Verdict verdict;
        try {
            verdict = check.run();
        } catch (SmokeHttp.Unreachable e) {
            verdict = fail(e.getMessage());
        } catch (RuntimeException e) {
            verdict = fail(e.toString());
        }
        record(
                name,
                verdict.passed() ? Outcome.Status.PASSED : Outcome.Status.FAILED,
                verdict.detail(),
                (System.nanoTime() - started) / 1_000_000);
        return verdict.passed();
    }

    private void skip(String name, String why) {
        record(name, Outcome.Status.SKIPPED, why, 0);
    }

    private void record(String name, Outcome.Status status, String detail, long millis) {
        Outcome outcome = new Outcome(name, status, detail, millis);
        outcomes.add(outcome);
        listener.accept(outcome);
    }

    private static URI at(URI base, String path) {
        String text = base.toString();
        return URI.create(
                (text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
