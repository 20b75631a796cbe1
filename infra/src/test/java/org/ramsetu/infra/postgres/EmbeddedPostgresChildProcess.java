package org.ramsetu.infra.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a separate JVM by {@link EmbeddedPostgresServerIntegrationTest} so that the test can kill
 * the owning JVM with SIGKILL: starts the server, writes one row, reports, then waits to be killed.
 */
public final class EmbeddedPostgresChildProcess {

    private EmbeddedPostgresChildProcess() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
        try (Connection c =
                DriverManager.getConnection(
                        server.jdbcUrl(), server.username(), server.password())) {
            c.createStatement().execute("create table if not exists marker (note text)");
            c.createStatement().execute("insert into marker values ('" + args[1] + "')");
        }
        System.out.println("READY " + server.serverPid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
