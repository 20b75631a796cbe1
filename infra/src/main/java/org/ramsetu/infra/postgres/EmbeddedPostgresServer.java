package org.ramsetu.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ramsetu.infra.files.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from Maven-shipped binaries, for one-machine installs ({@code
 * ramsetu serve} with no {@code RAMSETU_DB_URL}).
 *
 * <p>Layout under the RamSetu data folder: {@code pg/} the cluster (kept across starts), {@code
 * pg.lock} held while a JVM owns the cluster, {@code pg-credentials.properties} (owner-only),
 * {@code runtime/} the unpacked binaries, {@code logs/postgresql.log}.
 *
 * <p>The server is a separate process, so a JVM killed with SIGKILL cannot stop it. Two guards keep
 * that from leaving an orphan: a watchdog process, in its own session, that stops the server as
 * soon as the JVM is gone; and, at the next start, a check of {@code postmaster.pid} that stops a
 * server the previous owner left running.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final PostgresBinaries binaries;
    private final Path cluster;
    private final EmbeddedPostgresCredentials credentials;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();
    private int port;
    private Process server;
    private Process watchdog;

    private EmbeddedPostgresServer(
            PostgresBinaries binaries,
            Path cluster,
            EmbeddedPostgresCredentials credentials,
            FileChannel lockChannel,
            FileLock lock) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.credentials = credentials;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts (initialising on first use) the cluster kept in {@code dataRoot/pg}. */
    public static EmbeddedPostgresServer start(Path dataRoot) {
        Path root = dataRoot.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            FileChannel channel =
                    FileChannel.open(
                            root.resolve("pg.lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new EmbeddedPostgresException(
                        "The embedded database in "
                                + root.resolve("pg")
                                + " is in use by another RamSetu process; stop it or set"
                                + " RAMSETU_DATA_DIR to another folder");
            }
            EmbeddedPostgresServer server =
                    new EmbeddedPostgresServer(
                            PostgresBinaries.unpackInto(root.resolve("runtime")),
                            root.resolve("pg"),
                            EmbeddedPostgresCredentials.loadOrCreate(
                                    root.resolve("pg-credentials.properties")),
                            channel,
                            lock);
            try {
                server.boot(root.resolve("logs"));
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + root, e);
        }
    }

    /**
     * How to reach the embedded server another RamSetu process runs on {@code dataRoot} (e.g. for
     * {@code ramsetu admin create} while {@code ramsetu serve} is up): the application role's
     * credentials and the port the server listens on. Empty when no server runs there.
     */
    public static Optional<AppConnection> runningOn(Path dataRoot) {
        Path root = dataRoot.toAbsolutePath().normalize();
        Path credentials = root.resolve("pg-credentials.properties");
        if (!Files.exists(credentials)) {
            return Optional.empty();
        }
        return PostmasterPidFile.readFrom(root.resolve("pg"))
                .filter(PostmasterPidFile::isRunningPostgres)
                .filter(pidFile -> pidFile.port() > 0)
                .map(
                        pidFile ->
                                new AppConnection(
                                        jdbcUrl(pidFile.port()),
                                        EmbeddedPostgresCredentials.APP_USER,
                                        EmbeddedPostgresCredentials.loadOrCreate(credentials)
                                                .appPassword()));
    }

    /** A JDBC URL with the application role's user name and password. */
    public record AppConnection(String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return "AppConnection[" + jdbcUrl + ", " + username + ", ****]";
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:"
                + port
                + "/"
                + EmbeddedPostgresCredentials.APP_DATABASE;
    }

    public String username() {
        return EmbeddedPostgresCredentials.APP_USER;
    }

    public String password() {
        return credentials.appPassword();
    }

    public int port() {
        return port;
    }

    public Path clusterDirectory() {
        return cluster;
    }

    /** The server's process id while it runs, for operators and tests. */
    public long serverPid() {
        return PostmasterPidFile.readFrom(cluster)
                .map(PostmasterPidFile::pid)
                .orElseThrow(() -> new EmbeddedPostgresException("The server is not running"));
    }

    private void boot(Path logDir) throws IOException {
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initialise();
        }
        stopOrphanLeftByPreviousOwner();
        writeServerSettings();
        Files.createDirectories(logDir);
        port = freePort();
        server = startServerProcess(logDir.resolve("postgresql.log"));
        awaitAcceptingConnections();
        watchdog = startWatchdog(serverPid());
        ensureAppRoleAndDatabase();
        LOG.info("Embedded PostgreSQL is up on port {} with data in {}", port, cluster);
    }

    /**
     * The server runs as our direct child, so we reap it when it stops; in a session of its own, so
     * a Ctrl-C meant for the JVM does not stop the database under requests still draining.
     */
    private Process startServerProcess(Path logFile) throws IOException {
        return startServerProcess(binaries, cluster, port, logFile);
    }

    /**
     * Starts {@code postgres} on {@code cluster} and {@code port} as {@link
     * #startServerProcess(Path)} describes, appending its output to {@code logFile}. Shared with
     * the failover tests, which restart a crashed server and run standbys the same way.
     */
    static Process startServerProcess(
            PostgresBinaries binaries, Path cluster, int port, Path logFile) throws IOException {
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
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
    }

    private void awaitAcceptingConnections() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new EmbeddedPostgresException(
                        "PostgreSQL exited with code "
                                + server.exitValue()
                                + " during start-up; see the server log under "
                                + cluster.resolveSibling("logs"));
            }
            try (Connection ignored = superuserConnection()) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedPostgresException("Interrupted while PostgreSQL started", e);
            }
        }
        throw new EmbeddedPostgresException(
                "PostgreSQL did not accept connections within " + START_TIMEOUT.toSeconds() + " s",
                last);
    }

    /**
     * A connection as the server's superuser to {@code database}: for administration the
     * application never does (creating roles and databases in tests of privileges).
     */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + database + "?connectTimeout=2",
                EmbeddedPostgresCredentials.SUPERUSER,
                credentials.superuserPassword());
    }

    private Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2",
                EmbeddedPostgresCredentials.SUPERUSER,
                credentials.superuserPassword());
    }

    private void initialise() throws IOException {
        // initdb into a sibling folder and rename, so that a crash mid-way never leaves a
        // half-made cluster where a later start would take it for a real one.
        Path staging = cluster.resolveSibling("pg.initialising");
        PostgresBinaries.deleteRecursively(staging);
        if (Files.exists(cluster)) {
            try (var entries = Files.list(cluster)) {
                if (entries.findAny().isPresent()) {
                    throw new EmbeddedPostgresException(
                            cluster
                                    + " is not empty but holds no PostgreSQL cluster; move it away");
                }
            }
            Files.delete(cluster);
        }
        Path pwfile = cluster.resolveSibling("pg.pwfile");
        Files.deleteIfExists(pwfile);
        OwnerOnlyFiles.create(pwfile, credentials.superuserPassword());
        try {
            ProcessRunner.run(
                    List.of(
                            binaries.bin("initdb").toString(),
                            "-D",
                            staging.toString(),
                            "-U",
                            EmbeddedPostgresCredentials.SUPERUSER,
                            "--pwfile=" + pwfile,
                            "--auth=scram-sha-256",
                            "--encoding=UTF8",
                            "--locale=C"),
                    Duration.ofMinutes(2));
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.writeString(
                staging.resolve("postgresql.conf"),
                "\ninclude_if_exists = 'ramsetu.conf'\n",
                StandardOpenOption.APPEND);
        Files.move(staging, cluster, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.info("Initialised a new PostgreSQL cluster in {}", cluster);
    }

    private void stopOrphanLeftByPreviousOwner() {
        // We hold pg.lock, so no live RamSetu JVM owns this cluster: a running server is an orphan.
        PostmasterPidFile.readFrom(cluster)
                .filter(PostmasterPidFile::isRunningPostgres)
                .ifPresent(
                        orphan -> {
                            LOG.warn(
                                    "Stopping PostgreSQL (pid {}) left running by a previous"
                                            + " RamSetu process",
                                    orphan.pid());
                            try {
                                pgCtlStop("fast");
                            } catch (EmbeddedPostgresException e) {
                                pgCtlStop("immediate");
                            }
                        });
    }

    private void writeServerSettings() throws IOException {
        // Loopback only, no Unix socket, durable commits: this is the primary copy of patient data.
        Files.writeString(
                cluster.resolve("ramsetu.conf"),
                String.join(
                        "\n",
                        "# Written by RamSetu at every start; edit EmbeddedPostgresServer instead.",
                        "listen_addresses = 'localhost'",
                        "unix_socket_directories = ''",
                        "max_connections = 100",
                        "timezone = 'UTC'",
                        "fsync = on",
                        "synchronous_commit = on",
                        "wal_level = replica",
                        "max_wal_senders = 4",
                        ""));
    }

    private Process startWatchdog(long serverPid) throws IOException {
        String script =
                "while kill -0 \"$0\" 2>/dev/null; do sleep 1; done; "
                        + "if grep -q postgres /proc/\"$1\"/comm 2>/dev/null; then kill -INT \"$1\"; fi";
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // Own session: Ctrl-C in the terminal must not take the watchdog down with the JVM.
            command.add(SETSID.toString());
        }
        command.addAll(
                List.of(
                        "sh",
                        "-c",
                        script,
                        Long.toString(ProcessHandle.current().pid()),
                        Long.toString(serverPid)));
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void ensureAppRoleAndDatabase() {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection c =
                DriverManager.getConnection(
                        url,
                        EmbeddedPostgresCredentials.SUPERUSER,
                        credentials.superuserPassword())) {
            String role = EmbeddedPostgresCredentials.APP_USER;
            if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                // Password travels as a literal because DDL takes no bind parameters; it is our
                // own URL-safe base64 secret, never user input.
                c.createStatement()
                        .execute(
                                "create role "
                                        + role
                                        + " login password '"
                                        + credentials.appPassword()
                                        + "'");
            }
            String database = EmbeddedPostgresCredentials.APP_DATABASE;
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                c.createStatement().execute("create database " + database + " owner " + role);
            }
        } catch (SQLException e) {
            throw new EmbeddedPostgresException("Could not prepare the application database", e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void pgCtlStop(String mode) {
        pgCtlStop(binaries, cluster, mode);
    }

    /**
     * Stops the server on {@code cluster} with {@code pg_ctl}'s shutdown {@code mode} ({@code fast}
     * ends sessions cleanly, {@code immediate} skips the checkpoint, as a crash would), waiting for
     * it to be gone. Shared with the failover tests, which crash and stop servers the same way.
     */
    static void pgCtlStop(PostgresBinaries binaries, Path cluster, String mode) {
        ProcessRunner.run(
                List.of(
                        binaries.bin("pg_ctl").toString(),
                        "-D",
                        cluster.toString(),
                        "-m",
                        mode,
                        "-w",
                        "-t",
                        Long.toString(STOP_TIMEOUT.toSeconds()),
                        "stop"),
                STOP_TIMEOUT.plusSeconds(5));
    }

    private void stopServer() {
        try {
            pgCtlStop("fast");
            server.waitFor(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            LOG.info("Embedded PostgreSQL stopped");
        } catch (EmbeddedPostgresException e) {
            LOG.error(
                    "Fast shutdown of PostgreSQL failed; killing it (crash recovery at next start)",
                    e);
            server.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended, committed data is safe). */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (PostmasterPidFile.readFrom(cluster)
                    .filter(PostmasterPidFile::isRunningPostgres)
                    .isPresent()) {
                pgCtlStop("fast");
                LOG.info("Embedded PostgreSQL stopped");
            }
        } finally {
            if (watchdog != null) {
                watchdog.destroy();
            }
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                LOG.warn("Could not release pg.lock: {}", e.getMessage());
            }
        }
    }
}
