package org.ramsetu.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.ramsetu.infra.crypto.AuthenticatorApp;

/**
 * Issue 8, item 6: coordinators start ranking runs on a {@code ramsetu demo} data folder while new
 * donors and patients register: match runs for random waiting requests by default, or with {@code
 * ramsetu.runs=allocation} allocation runs for random verified pledges (issue 19: an allocation run
 * over a long waiting list under the same load). Two models for the coordinators: closed by default
 * (each of {@code ramsetu.coordinators} logs in once, then starts runs back to back for the
 * duration, as a person at a console waits for one run before starting the next: the saturated
 * throughput), or open with {@code ramsetu.model=open} (runs arrive at random at {@code
 * ramsetu.runsPerSecond}, 2 by default, whatever the latency of those before: the latency
 * coordinators see at a given demand). Registrations are always open (arrivals per second).
 *
 * <p>A registration is the whole journey: sign-up, the code from the mail folder (written by the
 * worker through the queue), verification, profile, then a kidney pledge (donors) or a kidney
 * request (patients). Every check is on the documented status code, so an error shows as a KO.
 *
 * <p>Settings (system properties): {@code ramsetu.baseUrl} (http://127.0.0.1:8080), {@code
 * ramsetu.mailDir} (required), {@code ramsetu.coordinators} (20), {@code
 * ramsetu.coordinatorPassword} (required), {@code ramsetu.coordinatorTotpSecret} (required: the
 * authenticator secret the coordinators were enrolled with), {@code ramsetu.seconds} (120), {@code
 * ramsetu.registrationsPerSecond} (0.5 donors and as many patients), {@code ramsetu.runs} ({@code
 * match}), {@code ramsetu.warmUpRunsPerOrgan} (3, before the measurement), {@code
 * ramsetu.warmUpSeconds} (0), {@code ramsetu.mailPatienceSeconds} (120: a person whose code has not
 * arrived by then counts as a failure).
 *
 * <p>With {@code ramsetu.warmUpSeconds}, the coordinators' load runs for that long before the
 * measured {@code ramsetu.seconds}, as requests of their own ({@code warm-up match run ...}, group
 * {@code warm-up}; the measured ones are group {@code match runs} or {@code allocation runs}). The
 * report then shows a server that has run under this load for a while apart from its first minutes,
 * in which the JIT compiler still competes with the runs for two cores (with 8 coordinators, the
 * runs completed per second climb for two to three minutes after a start). Registrations go on
 * through both phases. Any failure, warm-up or not, fails the simulation.
 */
public class MatchRunLoadSimulation extends Simulation {

    private static final String PASSWORD = "load test person password";

    private final String baseUrl = System.getProperty("ramsetu.baseUrl", "http://127.0.0.1:8080");
    private final int coordinators = Integer.getInteger("ramsetu.coordinators", 20);
    private final String coordinatorPassword = required("ramsetu.coordinatorPassword");
    private final String coordinatorTotpSecret = required("ramsetu.coordinatorTotpSecret");
    private final Duration duration =
            Duration.ofSeconds(Integer.getInteger("ramsetu.seconds", 120));
    private final Duration warmUp =
            Duration.ofSeconds(Integer.getInteger("ramsetu.warmUpSeconds", 0));

    /** {@code closed} (back to back per coordinator) or {@code open} (runs arrive at a rate). */
    private final boolean open = "open".equals(System.getProperty("ramsetu.model", "closed"));

    private final double runsPerSecond =
            Double.parseDouble(System.getProperty("ramsetu.runsPerSecond", "2"));
    private final List<String> signedIn = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final double registrations =
            Double.parseDouble(System.getProperty("ramsetu.registrationsPerSecond", "0.5"));
    private final MailInbox inbox =
            new MailInbox(
                    required("ramsetu.mailDir"),
                    Duration.ofSeconds(Integer.getInteger("ramsetu.mailPatienceSeconds", 120)));

    /** {@code match} (for waiting requests) or {@code allocation} (for verified pledges). */
    private final RunTargets.Kind kind =
            RunTargets.Kind.of(System.getProperty("ramsetu.runs", "match"));

    private final List<RunTargets.Target> targets =
            RunTargets.load(
                    kind,
                    baseUrl,
                    String.format(Locale.ROOT, LoadStack.COORDINATOR_EMAIL, 1),
                    coordinatorPassword,
                    coordinatorTotpSecret);

    private final HttpProtocolBuilder protocol =
            http.baseUrl(baseUrl)
                    .acceptHeader("application/json")
                    .contentTypeHeader("application/json")
                    .shareConnections();

    /** Each coordinator signs in once (both steps measured); the token stays in the session. */
    private final ChainBuilder coordinatorSignIn =
            feed(coordinatorFeeder())
                    .exec(
                            http("coordinator log in")
                                    .post("/api/v1/auth/login")
                                    .body(
                                            StringBody(
                                                    "{\"email\":\"#{email}\",\"password\":\""
                                                            + coordinatorPassword
                                                            + "\"}"))
                                    .check(status().is(202))
                                    .check(jsonPath("$.challenge").saveAs("challenge")))
                    .exec(
                            session ->
                                    session.set(
                                            "code",
                                            AuthenticatorApp.nextCode(
                                                    session.getString("email"),
                                                    coordinatorTotpSecret)))
                    .exec(
                            http("coordinator second factor")
                                    .post("/api/v1/auth/second-factor")
                                    .body(
                                            StringBody(
                                                    "{\"challenge\":\"#{challenge}\",\"code\":\"#{code}\"}"))
                                    .check(status().is(200))
                                    .check(jsonPath("$.accessToken").saveAs("token")));

    /** One measured run, as the session's coordinator. */
    private final ChainBuilder measuredRun = run(kind.label() + "s", kind.label());

    /** The same run during the warm-up, reported apart. */
    private final ChainBuilder warmUpRun = run("warm-up", "warm-up " + kind.label());

    /** Closed model: each coordinator starts the next run as soon as the previous answered. */
    private final ScenarioBuilder coordinatorsRunning =
            scenario("coordinators")
                    .exec(coordinatorSignIn)
                    .doIf(session -> !warmUp.isZero())
                    .then(during(warmUp).on(warmUpRun))
                    .during(duration)
                    .on(measuredRun);

    /**
     * Open model, first part: the coordinators sign in and hand their tokens to the arriving runs.
     */
    private final ScenarioBuilder coordinatorsSigningIn =
            scenario("coordinators")
                    .exec(coordinatorSignIn)
                    .exec(
                            session -> {
                                signedIn.add(session.getString("token"));
                                return session;
                            });

    /**
     * Open model, second part: runs arrive at random (Poisson) times at {@code runsPerSecond},
     * whatever the latency of those before, each as one of the coordinators in turn: 20
     * coordinators each starting a run every 10 s on average is 2 runs a second.
     */
    private final ScenarioBuilder runsArriving = arrivals("runs arriving", measuredRun);

    private final ScenarioBuilder warmUpRunsArriving = arrivals("warm-up runs arriving", warmUpRun);

    private final ScenarioBuilder donorsRegistering =
            scenario("donors registering")
                    .exec(signUp("DONOR"))
                    .exec(
                            authorised(
                                    http("donor profile")
                                            .put("/api/v1/donors/me")
                                            .body(StringBody(RegistrationBodies.donorProfile()))
                                            .check(status().is(201))))
                    .exec(
                            authorised(
                                    http("kidney pledge")
                                            .post("/api/v1/pledges")
                                            .body(StringBody(RegistrationBodies.kidneyPledge()))
                                            .check(status().is(201))));

    private final ScenarioBuilder patientsRegistering =
            scenario("patients registering")
                    .exec(signUp("PATIENT"))
                    .exec(
                            authorised(
                                    http("patient profile")
                                            .put("/api/v1/patients/me")
                                            .body(StringBody(RegistrationBodies.patientProfile()))
                                            .check(status().is(201))))
                    .exec(
                            authorised(
                                    http("kidney request")
                                            .post("/api/v1/transplant-requests")
                                            .body(StringBody(RegistrationBodies.kidneyRequest()))
                                            .check(status().is(201))));

    {
        // the sign-ins take a few seconds; runs wait for them
        Duration signIn = Duration.ofSeconds(10);
        List<PopulationBuilder> coordinatorLoad = new ArrayList<>();
        if (open) {
            coordinatorLoad.add(coordinatorsSigningIn.injectOpen(atOnceUsers(coordinators)));
            if (!warmUp.isZero()) {
                coordinatorLoad.add(
                        warmUpRunsArriving.injectOpen(
                                nothingFor(signIn),
                                constantUsersPerSec(runsPerSecond).during(warmUp).randomized()));
            }
            coordinatorLoad.add(
                    runsArriving.injectOpen(
                            nothingFor(signIn.plus(warmUp)),
                            constantUsersPerSec(runsPerSecond).during(duration).randomized()));
        } else {
            coordinatorLoad.add(coordinatorsRunning.injectOpen(atOnceUsers(coordinators)));
        }
        // registrations go on until the last measured run may start (open model; in the closed
        // one they end earlier by the time the coordinators took to sign in)
        Duration registering = (open ? signIn : Duration.ZERO).plus(warmUp).plus(duration);
        List<PopulationBuilder> all = new ArrayList<>(coordinatorLoad);
        all.add(
                donorsRegistering.injectOpen(
                        constantUsersPerSec(registrations).during(registering)));
        all.add(
                patientsRegistering.injectOpen(
                        constantUsersPerSec(registrations).during(registering)));
        setUp(all).protocols(protocol).assertions(global().failedRequests().count().is(0L));
    }

    /**
     * One run for a random target (a waiting request, or a verified pledge), as the session's
     * coordinator.
     *
     * @param group the report's row of all organs together
     * @param name the start of each organ's row
     */
    private ChainBuilder run(String group, String name) {
        return feed(targetFeeder())
                .group(group)
                .on(
                        exec(
                                http(name + " #{organ}")
                                        .post("#{runPath}")
                                        .header("Authorization", "Bearer #{token}")
                                        .check(status().is(201))));
    }

    private ScenarioBuilder arrivals(String name, ChainBuilder run) {
        return scenario(name)
                .exec(
                        session -> {
                            if (signedIn.isEmpty()) {
                                return session.markAsFailed();
                            }
                            int next = Math.floorMod(turn.getAndIncrement(), signedIn.size());
                            return session.set("token", signedIn.get(next));
                        })
                .exitHereIfFailed()
                .exec(run);
    }

    @Override
    public void after() {
        System.out.println("sign-up code mail: " + inbox.delaySummary());
    }

    /**
     * Sign-up from an address of its own, the code as the person reads it in their mailbox,
     * verification; leaves the access token in the session.
     */
    private ChainBuilder signUp(String role) {
        String who = role.toLowerCase(Locale.ROOT);
        return exec(session ->
                        session.set(
                                        "email",
                                        "load-"
                                                + who
                                                + "-"
                                                + UUID.randomUUID()
                                                + "@bench.ramsetu.in")
                                .set("ip", randomAddress()))
                .exec(
                        http(who + " sign-up")
                                .post("/api/v1/auth/signup")
                                .header("X-Forwarded-For", "#{ip}")
                                .body(
                                        StringBody(
                                                "{\"email\":\"#{email}\",\"password\":\""
                                                        + PASSWORD
                                                        + "\",\"role\":\""
                                                        + role
                                                        + "\",\"fullName\":\"Load Test "
                                                        + who
                                                        + "\"}"))
                                .check(status().is(202)))
                .asLongAs(session -> !session.contains("code"))
                .on(
                        exec(this::readCode)
                                .doIf(session -> !session.contains("code"))
                                .then(pause(Duration.ofMillis(200))))
                .exec(
                        http(who + " verify")
                                .post("/api/v1/auth/verify")
                                .header("X-Forwarded-For", "#{ip}")
                                .body(
                                        StringBody(
                                                "{\"email\":\"#{email}\",\"role\":\""
                                                        + role
                                                        + "\",\"code\":\"#{code}\"}"))
                                .check(status().is(200))
                                .check(jsonPath("$.accessToken").saveAs("token")));
    }

    private Session readCode(Session session) {
        String code = inbox.codeFor(session.getString("email"));
        if (code != null) {
            return session.set("code", code);
        }
        if (inbox.waitedTooLong(session.getString("email"))) {
            return session.markAsFailed().set("code", "000000");
        }
        return session;
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder authorised(
            io.gatling.javaapi.http.HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}")
                .header("X-Forwarded-For", "#{ip}");
    }

    private Iterator<Map<String, Object>> coordinatorFeeder() {
        List<Map<String, Object>> rows = new ArrayList<>();
        IntStream.rangeClosed(1, coordinators)
                .forEach(
                        i ->
                                rows.add(
                                        Map.of(
                                                "email",
                                                String.format(
                                                        Locale.ROOT,
                                                        LoadStack.COORDINATOR_EMAIL,
                                                        i))));
        return rows.iterator();
    }

    /** A random target for every run: organs in the proportions of the list read. */
    private Iterator<Map<String, Object>> targetFeeder() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                RunTargets.Target t =
                        targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                return Map.of(
                        "runPath",
                        kind.runPath(t.id()),
                        "organ",
                        t.organ().toLowerCase(Locale.ROOT));
            }
        };
    }

    private static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("set -D" + property);
        }
        return value;
    }
}
