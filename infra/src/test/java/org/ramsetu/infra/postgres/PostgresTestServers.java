package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What failover tests do to real PostgreSQL servers beyond what {@link EmbeddedPostgresServer}
 * offers: crash one and start it again on the same port, and run a streaming standby of one. Runs
 * the embedded binaries the way the server does (in a user namespace when we are root, in a session
 * of their own).
 */
public final class PostgresTestServers {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private PostgresTestServers() {}

    /** The superuser's password of the embedded server (the application never uses it). */
    public static String superuserPassword(EmbeddedPostgresServer server) {
        return EmbeddedPostgresCredentials.loadOrCreate(
                        root(server).resolve("pg-credentials.properties"))
                .superuserPassword();
    }

    /** A superuser connection to {@code database} on {@code port} with that password. */
    public static Connection superuser(int port, String database, String password)
            throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + database + "?connectTimeout=2",
                EmbeddedPostgresCredentials.SUPERUSER,
                password);
    }

    /**
     * Stops the server without a shutdown checkpoint ({@code pg_ctl -m immediate}), as a crash of
     * the database would: every connection drops, the next start recovers from the WAL.
     */
    public static void crash(EmbeddedPostgresServer server) {
        pgCtl(binaries(server), server.clusterDirectory(), "immediate", "stop");
    }

    /** Starts a crashed server again on the same cluster and port. */
    public static Process restart(EmbeddedPostgresServer server, Path log) throws IOException {
        Process p = startPostgres(binaries(server), server.clusterDirectory(), server.port(), log);
        awaitAccepting(p, server.port(), superuserPassword(server), log);
        return p;
    }

    static PostgresBinaries binaries(EmbeddedPostgresServer server) {
        return PostgresBinaries.unpackInto(root(server).resolve("runtime"));
    }

    private static Path root(EmbeddedPostgresServer server) {
        return server.clusterDirectory().getParent();
    }

    static Process startPostgres(PostgresBinaries binaries, Path cluster, int port, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(
                ProcessRunner.unprivileged(
                        List.of(
                                binaries.bin("postgres").toString(),
                                "-D",
                                cluster.toString(),
                                "-p",
                                Integer.toString(port))));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    static void pgCtl(PostgresBinaries binaries, Path cluster, String mode, String action) {
        ProcessRunner.run(
                List.of(
                        binaries.bin("pg_ctl").toString(),
                        "-D",
                        cluster.toString(),
                        "-m",
                        mode,
                        "-w",
                        "-t",
                        "60",
                        action),
                Duration.ofSeconds(70));
    }

    static void awaitAccepting(Process process, int port, String password, Path log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited; see " + log);
            }
            try (Connection ignored = superuser(port, "postgres", password)) {
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not start; see " + log, notYet);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
