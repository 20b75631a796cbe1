package org.ramsetu.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;

/**
 * Starts the system under load for the Gatling scenarios, on a data folder prepared with {@code
 * ramsetu demo}: either the {@code all} target, or {@code scoring}, {@code worker} and {@code api}
 * as three processes on the data folder's PostgreSQL (started here, as an operator would run the
 * database beside them). Creates the load test's coordinator accounts with {@code ramsetu admin
 * create}, prints {@code READY <base URL>} and runs until it is stopped.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.ramsetu.bench.load.LoadStack \
 *     all|split DATA_DIR app/target/ramsetu.jar COORDINATORS PASSWORD_FILE TOTP_SECRET_FILE
 * </pre>
 *
 * <p>The coordinators share one authenticator secret (each account takes a code once per time step,
 * so sharing it across accounts costs nothing), enrolled by {@code --totp-secret-file}.
 *
 * <p>The targets trust {@code X-Forwarded-For} ({@code SERVER_FORWARD_HEADERS_STRATEGY=native}) so
 * that each simulated person signs up from an address of their own, as they would in production
 * behind the load balancer; the per-address sign-up limit would otherwise cap the scenario at three
 * sign-ups an hour.
 *
 * <p>The general API limit per signed-in user (100 requests a minute, a protection against a
 * runaway client) is lifted: the closed model measures what the system serves, and 8 coordinators
 * who each start their next run the moment the last one answers ask for more than that once the
 * system serves over 13 runs a second. A limited request answers 429 in a few milliseconds, and the
 * coordinator would then hammer the limiter instead of the system.
 */
public final class LoadStack {

    static final String COORDINATOR_EMAIL = "bench.coordinator.%02d@bench.ramsetu.in";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> processes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !List.of("all", "split").contains(args[0])) {
            System.err.println(
                    "usage: LoadStack all|split DATA_DIR RAMSETU_JAR COORDINATORS PASSWORD_FILE"
                            + " TOTP_SECRET_FILE");
            System.exit(2);
        }
        Path data = Path.of(args[1]).toAbsolutePath();
        Path jar = Path.of(args[2]).toAbsolutePath();
        int coordinators = Integer.parseInt(args[3]);
        Path passwordFile = Path.of(args[4]).toAbsolutePath();
        Path totpSecretFile = Path.of(args[5]).toAbsolutePath();
        if (!Files.isDirectory(data.resolve("pg"))) {
            throw new IllegalArgumentException(
                    data
                            + " has no database; prepare it with: RAMSETU_DATA_DIR="
                            + data
                            + " ./ramsetu demo --donors 100000 --patients 2000");
        }
        new LoadStack().run(args[0], data, jar, coordinators, passwordFile, totpSecretFile);
    }

    private void run(
            String mode,
            Path data,
            Path jar,
            int coordinators,
            Path passwordFile,
            Path totpSecretFile)
            throws Exception {
        EmbeddedPostgresServer db = null;
        try {
            Map<String, String> env = new HashMap<>();
            env.put("RAMSETU_DATA_DIR", data.toString());
            if (mode.equals("all")) {
                start(jar, "all", 8080, env, data);
            } else {
                db = EmbeddedPostgresServer.start(data);
                env.put("RAMSETU_DB_URL", db.jdbcUrl());
                env.put("RAMSETU_DB_USER", db.username());
                env.put("RAMSETU_DB_PASSWORD", db.password());
                env.put(
                        "RAMSETU_JWT_SECRET",
                        Files.readString(data.resolve("jwt-secret"), StandardCharsets.UTF_8)
                                .strip());
                env.put("RAMSETU_SCORING_URL", "http://127.0.0.1:8081");
                start(jar, "scoring", 8081, env, data);
                start(jar, "worker", 8082, env, data);
                start(jar, "api", 8080, env, data);
            }
            for (int i = 1; i <= coordinators; i++) {
                createCoordinator(
                        jar,
                        env,
                        String.format(Locale.ROOT, COORDINATOR_EMAIL, i),
                        passwordFile,
                        totpSecretFile,
                        data);
            }
            System.out.println("READY http://127.0.0.1:8080");
            CountDownLatch stopped = new CountDownLatch(1);
            EmbeddedPostgresServer database = db;
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        stopAll();
                                        if (database != null) {
                                            database.close();
                                        }
                                        stopped.countDown();
                                    }));
            stopped.await();
        } catch (Exception | Error e) {
            stopAll();
            if (db != null) {
                db.close();
            }
            throw e;
        }
    }

    private void start(Path jar, String target, int port, Map<String, String> env, Path data)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(
                        "java",
                        "-jar",
                        jar.toString(),
                        "serve",
                        "--target",
                        target,
                        "--port",
                        Integer.toString(port));
        builder.environment().putAll(env);
        builder.environment().put("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        builder.environment()
                .put(
                        "SPRING_APPLICATION_JSON",
                        "{\"ramsetu.rate-limits.limits.api.capacity\": 1000000}");
        builder.redirectErrorStream(true);
        builder.redirectOutput(data.resolve("load-" + target + ".log").toFile());
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        target + " exited; see " + data.resolve("load-" + target + ".log"));
            }
            if (ready(port)) {
                System.out.println(target + " ready on port " + port);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(target + " not ready within 3 minutes");
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<Void> response =
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:"
                                                            + port
                                                            + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Idempotent: an existing account is left as it is (the command refuses a duplicate). */
    private static void createCoordinator(
            Path jar,
            Map<String, String> env,
            String email,
            Path passwordFile,
            Path totpSecretFile,
            Path data)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(
                        "java",
                        "-jar",
                        jar.toString(),
                        "admin",
                        "create",
                        "--email",
                        email,
                        "--name",
                        "Load test coordinator",
                        "--password-file",
                        passwordFile.toString(),
                        "--totp-secret-file",
                        totpSecretFile.toString());
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Path log = data.resolve("load-admin-create.log");
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        int exit = builder.start().waitFor();
        System.out.println(
                "coordinator " + email + ": admin create exit " + exit + " (see " + log + ")");
    }

    private void stopAll() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
    }
}
