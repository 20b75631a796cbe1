package org.ramsetu.infra.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian package, installed by .ci/run) on a free loopback port with
 * its data in a test folder. {@link #restart()} stops and starts it on the same port with the same
 * append-only file, so tests can show what survives a Redis restart.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private final List<String> extraArguments;
    private Process process;

    private RedisServerProcess(Path dir, int port, List<String> extraArguments) {
        this.dir = dir;
        this.port = port;
        this.extraArguments = List.copyOf(extraArguments);
    }

    public static RedisServerProcess start(Path dir) throws IOException {
        return start(dir, List.of());
    }

    /**
     * @param extraArguments more {@code redis-server} options, e.g. {@code --replicaof host port}
     *     or {@code --requirepass secret}
     */
    public static RedisServerProcess start(Path dir, List<String> extraArguments)
            throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    BINARY + " is missing: run .ci/run or apt-get install redis-server");
        }
        RedisServerProcess redis =
                new RedisServerProcess(dir, LocalServers.freePort(), extraArguments);
        redis.launch();
        return redis;
    }

    public String url() {
        return "redis://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Stops (SIGTERM: Redis fsyncs its append-only file first) and starts again on the same port.
     */
    public void restart() throws IOException {
        stop();
        launch();
    }

    /** Kills the server without letting it save, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** The server's process id, e.g. to stop it with SIGSTOP (a server that hangs). */
    public long pid() {
        return process.pid();
    }

    /** Whether the server process runs (it may have been killed). */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public void launch() throws IOException {
        Files.createDirectories(dir);
        List<String> command =
                new ArrayList<>(
                        List.of(
                                BINARY.toString(),
                                "--port",
                                Integer.toString(port),
                                "--bind",
                                "127.0.0.1",
                                "--dir",
                                dir.toString(),
                                "--appendonly",
                                "yes",
                                "--appendfsync",
                                "always",
                                "--save",
                                "",
                                "--protected-mode",
                                "yes"));
        command.addAll(extraArguments);
        process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
                        .start();
        awaitAccepting(Duration.ofSeconds(15));
    }

    private void awaitAccepting(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            // Listening is not ready: while it loads its append-only file Redis answers LOADING.
            if (answersPong()) {
                return;
            }
            LocalServers.pause(50);
        }
        throw new IOException("redis-server did not listen on " + port + " in " + limit);
    }

    private boolean answersPong() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(1000);
            int i = extraArguments.indexOf("--requirepass");
            String auth = i >= 0 ? "AUTH " + extraArguments.get(i + 1) + "\r\n" : "";
            socket.getOutputStream().write((auth + "PING\r\n").getBytes(StandardCharsets.US_ASCII));
            String expected = (auth.isEmpty() ? "" : "+OK\r\n") + "+PONG";
            byte[] reply = new byte[expected.length()];
            int n = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return new String(reply, 0, n, StandardCharsets.US_ASCII).equals(expected);
        } catch (IOException notYet) {
            return false;
        }
    }

    private void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
