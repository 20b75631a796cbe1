package org.ramsetu.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.infra.settings.RamsetuSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An api target with RAMSETU_DB_OWNER_USER: its start-up migration runs as the owner, it serves as
 * the application's login, and that login may append to the audit log but not remove from it.
 */
class OwnerAndApplicationRolesIntegrationTest {

    private static final String SECRET = "owner-and-app-roles-test-secret-0123456789";

    @TempDir static Path dbDir;
    @TempDir static Path dataDir;
    private static EmbeddedPostgresServer db;
    private static RamsetuSettings settings;
    private static RunningRamsetu api;
    private static String url;

    @BeforeAll
    static void startAnApiWithSeparateRoles() throws Exception {
        db = EmbeddedPostgresServer.start(dbDir);
        try (Connection c = db.connectAsSuperuser("postgres");
                Statement s = c.createStatement()) {
            s.execute("create role ramsetu_owner login password 'owner-password'");
            s.execute("create role ramsetu_app nologin");
            s.execute(
                    "create role ramsetu_app_blue login password 'app-password' in role ramsetu_app");
            s.execute("create database registry owner ramsetu_owner");
        }
        url = "jdbc:postgresql://localhost:" + db.port() + "/registry";
        settings =
                RamsetuSettings.fromEnvironment(
                        Map.of(
                                "RAMSETU_DATA_DIR", dataDir.toString(),
                                "RAMSETU_DB_URL", url,
                                "RAMSETU_DB_USER", "ramsetu_app_blue",
                                "RAMSETU_DB_PASSWORD", "app-password",
                                "RAMSETU_DB_OWNER_USER", "ramsetu_owner",
                                "RAMSETU_DB_OWNER_PASSWORD", "owner-password",
                                "RAMSETU_DB_APP_ROLE", "ramsetu_app",
                                "RAMSETU_JWT_SECRET", SECRET));
        api = RamsetuLauncher.start(Target.API, settings, OptionalInt.of(0));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        db.close();
    }

    @Test
    void theOwnerMigratesAndTheApplicationOnlyAppendsToTheAuditLog() {
        assertThat(Http.get(api.port(), "/actuator/health/readiness").body())
                .contains("\"status\":\"UP\"");
        assertThat(
                        Http.get(
                                        api.port(),
                                        "/api/v1/admin/audit?limit=5",
                                        CoordinatorTokens.signedWith(SECRET))
                                .statusCode())
                .isEqualTo(200);

        JdbcClient owner =
                JdbcClient.create(
                        new DriverManagerDataSource(url, "ramsetu_owner", "owner-password"));
        assertThat(
                        owner.sql(
                                        "select tableowner from pg_tables where tablename in"
                                                + " ('audit_event', 'account', 'flyway_schema_history')"
                                                + " group by 1")
                                .query(String.class)
                                .list())
                .containsExactly("ramsetu_owner");
        assertThat(
                        owner.sql(
                                        "select distinct usename from pg_stat_activity where"
                                                + " datname = 'registry' and usename <>"
                                                + " 'ramsetu_owner'")
                                .query(String.class)
                                .list())
                .as("the api's pool logs in as the application's login")
                .containsExactly("ramsetu_app_blue");
        assertThat(owner.sql("select count(*) from audit_event").query(Long.class).single())
                .as("the coordinator's read was audited by the application's login")
                .isPositive();
        assertThat(
                        owner.sql(
                                        """
                                        select has_table_privilege('ramsetu_app_blue', 'audit_event', 'INSERT'),
                                               has_table_privilege('ramsetu_app_blue', 'audit_event', 'UPDATE'),
                                               has_table_privilege('ramsetu_app_blue', 'audit_event', 'DELETE'),
                                               has_table_privilege('ramsetu_app_blue', 'audit_chain', 'DELETE'),
                                               has_table_privilege('ramsetu_app_blue', 'account', 'DELETE')
                                        """)
                                .query(
                                        (rs, n) ->
                                                java.util.List.of(
                                                        rs.getBoolean(1),
                                                        rs.getBoolean(2),
                                                        rs.getBoolean(3),
                                                        rs.getBoolean(4),
                                                        rs.getBoolean(5)))
                                .single())
                .containsExactly(true, false, false, false, true);
    }

    @Test
    void aWorkerSealsTheAuditLogAsTheApplicationsLogin() throws Exception {
        assertThat(
                        Http.get(
                                        api.port(),
                                        "/api/v1/admin/audit?limit=1",
                                        CoordinatorTokens.signedWith(SECRET))
                                .statusCode())
                .isEqualTo(200);
        try (RunningRamsetu worker =
                RamsetuLauncher.start(Target.WORKER, settings, OptionalInt.of(0))) {
            HttpResponse<String> runNow =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + worker.port()
                                                                    + "/actuator/schedules/audit.chain-seal"))
                                            .header(
                                                    "Authorization",
                                                    "Bearer "
                                                            + CoordinatorTokens.signedWith(SECRET))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(runNow.statusCode()).as(runNow.body()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long sealed = 0;
            while (sealed == 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                sealed = owner().sql("select count(*) from audit_chain").query(Long.class).single();
            }
            assertThat(sealed).as("entries sealed by the worker").isPositive();
        }
    }

    private static JdbcClient owner() {
        return JdbcClient.create(
                new DriverManagerDataSource(url, "ramsetu_owner", "owner-password"));
    }
}
