package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What failover tests do to real PostgreSQL servers beyond what {@link EmbeddedPostgresServer}
 * offers: crash one and start it again on the same port, and run a streaming standby of one. Runs
 * the embedded binaries the way the server does (in a user namespace when we are root, in a session
 * of their own).
 */
public final class PostgresTestServers {

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
        EmbeddedPostgresServer.pgCtlStop(binaries(server), server.clusterDirectory(), "immediate");
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
        Files.createDirectories(log.getParent());
        return EmbeddedPostgresServer.startServerProcess(binaries, cluster, port, log);
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
}
