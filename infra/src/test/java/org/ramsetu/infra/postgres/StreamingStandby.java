package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A physical streaming standby of an embedded server: a base backup taken with Debian's {@code
 * pg_basebackup -R} (the embedded binaries ship no client tools; the embedded cluster allows
 * replication connections from loopback and runs {@code wal_level = replica}), started with the
 * embedded {@code postgres} on a free port. Hot standby: it answers read-only queries, with the
 * same roles and passwords as its primary.
 */
public final class StreamingStandby implements AutoCloseable {

    private static final Path PG_BASEBACKUP = Path.of("/usr/lib/postgresql/15/bin/pg_basebackup");

    private final PostgresBinaries binaries;
    private final Path cluster;
    private final int port;
    private final String superuserPassword;
    private final Process process;
    private boolean stopped;

    private StreamingStandby(
            PostgresBinaries binaries,
            Path cluster,
            int port,
            String superuserPassword,
            Process process) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.process = process;
    }

    /** Takes a base backup of {@code primary} into {@code dir} and starts it as its standby. */
    public static StreamingStandby of(EmbeddedPostgresServer primary, Path dir) throws IOException {
        if (!Files.isExecutable(PG_BASEBACKUP)) {
            throw new IllegalStateException(
                    PG_BASEBACKUP + " is missing: apt-get install postgresql-client-15");
        }
        String password = PostgresTestServers.superuserPassword(primary);
        Path cluster = dir.toAbsolutePath().resolve("pg");
        Files.createDirectories(dir);
        ProcessRunner.run(
                List.of(
                        PG_BASEBACKUP.toString(),
                        "--dbname=host=localhost port="
                                + primary.port()
                                + " user="
                                + EmbeddedPostgresCredentials.SUPERUSER
                                + " password="
                                + password,
                        "--pgdata=" + cluster,
                        "--write-recovery-conf",
                        "--wal-method=stream",
                        "--checkpoint=fast",
                        "--no-password"),
                Duration.ofMinutes(2));
        PostgresBinaries binaries = PostgresTestServers.binaries(primary);
        int port = EmbeddedPostgresServer.freePort();
        Path log = dir.resolve("standby.log");
        Process process = PostgresTestServers.startPostgres(binaries, cluster, port, log);
        PostgresTestServers.awaitAccepting(process, port, password, log);
        return new StreamingStandby(binaries, cluster, port, password, process);
    }

    /** The application database on the standby (same role and password as on the primary). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:"
                + port
                + "/"
                + EmbeddedPostgresCredentials.APP_DATABASE;
    }

    public int port() {
        return port;
    }

    /** Stops applying WAL; it is still received, so the standby falls behind while writes go on. */
    public void pauseReplay() throws SQLException {
        execute("select pg_wal_replay_pause()");
    }

    public void resumeReplay() throws SQLException {
        execute("select pg_wal_replay_resume()");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c =
                        PostgresTestServers.superuser(
                                port, EmbeddedPostgresCredentials.APP_DATABASE, superuserPassword);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Fast shutdown, as an operator stopping the replica would. */
    public void stop() {
        if (!stopped) {
            stopped = true;
            EmbeddedPostgresServer.pgCtlStop(binaries, cluster, "fast");
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            process.destroyForcibly();
        }
    }
}
