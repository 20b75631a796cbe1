package org.ramsetu.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIntegrationTest {

    @TempDir Path dataDir;

    @Test
    void keepsDataAcrossRestartsAndStopsTheServerOnClose() throws Exception {
        long pid;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            execute(server, "create table kept (note text)");
            execute(server, "insert into kept values ('first start')");
            pid = server.serverPid();
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(notes(server, "kept")).containsExactly("first start");
        }
    }

    @Test
    void applicationRoleIsNotSuperuser() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir);
                Connection c = connect(server);
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "select rolsuper from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void refusesASecondOwnerOfTheSameCluster() {
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(dataDir)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir))
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageContaining("in use by another RamSetu process");
        }
    }

    @Test
    void watchdogStopsTheServerWhenTheOwningJvmIsKilled() throws Exception {
        Process child = startChild("before kill -9");
        long serverPid = awaitReady(child);

        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThat(awaitExit(serverPid, Duration.ofSeconds(15)))
                .as("server stopped by the watchdog")
                .isTrue();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(notes(server, "marker")).containsExactly("before kill -9");
        }
    }

    @Test
    void nextStartStopsAnOrphanThatOutlivedItsWatchdog() throws Exception {
        Process child = startChild("orphaned");
        long serverPid = awaitReady(child);
        // Take the watchdog down first (everything the JVM started except the server's own tree).
        var serverTree = new java.util.HashSet<Long>();
        serverTree.add(serverPid);
        ProcessHandle.of(serverPid)
                .ifPresent(s -> s.descendants().forEach(d -> serverTree.add(d.pid())));
        child.descendants()
                .filter(p -> !serverTree.contains(p.pid()))
                .forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(1500);
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive))
                .as("orphan still running")
                .contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir)) {
            assertThat(awaitExit(serverPid, Duration.ofSeconds(5))).isTrue();
            assertThat(server.serverPid()).isNotEqualTo(serverPid);
            assertThat(notes(server, "marker")).containsExactly("orphaned");
        }
    }

    private Process startChild(String note) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresChildProcess.class.getName(),
                        dataDir.toString(),
                        note)
                .redirectErrorStream(true)
                .start();
    }

    private static long awaitReady(Process child) throws Exception {
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Long.parseLong(line.substring(6).strip());
            }
            seen.add(line);
        }
        throw new AssertionError("child JVM ended before READY: " + String.join("\n", seen));
    }

    private static boolean awaitExit(long pid, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isRunning(pid)) {
                return true;
            }
            Thread.sleep(100);
        }
        return !isRunning(pid);
    }

    /** A zombie left for a non-reaping init is not a running server: it has no command line. */
    private static boolean isRunning(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command())
                .isPresent();
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = connect(server)) {
            c.createStatement().execute(sql);
        }
    }

    private static List<String> notes(EmbeddedPostgresServer server, String table)
            throws SQLException {
        List<String> notes = new ArrayList<>();
        try (Connection c = connect(server);
                ResultSet rs = c.createStatement().executeQuery("select note from " + table)) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }
}
