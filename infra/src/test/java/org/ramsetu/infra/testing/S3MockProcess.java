package org.ramsetu.infra.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Adobe S3Mock (a real S3-compatible HTTP server) as its own process, started once per test JVM and
 * shared ({@link #shared()}): it takes several seconds to start, and its in-process JUnit extension
 * fails under Spring Boot 4. The jar is copied to {@code target/s3mock} by the
 * maven-dependency-plugin. A bash watchdog stops the server when the test JVM dies, even by {@code
 * kill -9}, so no server outlives its build.
 */
public final class S3MockProcess {

    private static final Path JAR = Path.of("target/s3mock/s3mock-exec.jar");
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static S3MockProcess shared;

    private final int port;
    private final Path dir;
    private final Process process;

    private S3MockProcess(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized S3MockProcess shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "s3mock-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static S3MockProcess start() throws IOException {
        if (!Files.isReadable(JAR)) {
            throw new IllegalStateException(
                    JAR.toAbsolutePath()
                            + " is missing: run the build through Maven (process-test-resources copies it)");
        }
        int port = LocalServers.freePort();
        Path dir = Files.createTempDirectory("s3mock-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String server =
                String.join(
                        " ",
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "--server.port=0", // the HTTPS connector; unused, so any free port
                        "--http.port=" + port,
                        "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store"),
                        "--com.adobe.testing.s3mock.max-payload-size=64MB",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
        // The watchdog loop ends the server when the JVM that started it is gone.
        String script =
                server
                        + " & server=$!; trap 'kill $server; exit' TERM;"
                        + " while kill -0 "
                        + ProcessHandle.current().pid()
                        + " 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1; done;"
                        + " kill $server 2>/dev/null; wait $server";
        Process process =
                new ProcessBuilder(List.of("bash", "-c", script))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("s3mock.log").toFile())
                        .start();
        S3MockProcess s3mock = new S3MockProcess(port, dir, process);
        s3mock.awaitReady();
        return s3mock;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "S3Mock exited: " + Files.readString(dir.resolve("s3mock.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            LocalServers.pause(200);
        }
        stop();
        throw new IOException("S3Mock did not answer on port " + port + " within " + START_LIMIT);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
