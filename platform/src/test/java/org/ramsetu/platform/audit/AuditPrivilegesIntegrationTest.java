package org.ramsetu.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.database.Migrations;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.TestAccounts;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migrations run as the schema's owner and the application as another role (RAMSETU_DB_OWNER_USER,
 * RAMSETU_DB_APP_ROLE): the application's role reads and writes ordinary rows, appends to and reads
 * the audit log and its chain, and can do nothing else to them. Refusals are asserted by
 * PostgreSQL's privilege messages, not the append-only triggers', so the test fails if the grants
 * are what stops nothing.
 */
class AuditPrivilegesIntegrationTest {

    private static final String OWNER = "ramsetu_owner";
    private static final String APP = "ramsetu_app";
    private static final String APP_LOGIN = "ramsetu_app_blue";

    @TempDir static Path dir;
    private static EmbeddedPostgresServer server;
    private static String url;
    private static JdbcClient app;

    @BeforeAll
    static void migrateAsTheOwner() throws Exception {
        server = EmbeddedPostgresServer.start(dir);
        try (Connection c = server.connectAsSuperuser("postgres");
                Statement s = c.createStatement()) {
            s.execute("create role " + OWNER + " login password 'owner-password'");
            // Logins are members of a group role, so they can be rotated (two at once).
            s.execute("create role " + APP + " nologin");
            s.execute("create role " + APP_LOGIN + " login password 'app-password' in role " + APP);
            s.execute("create database split owner " + OWNER);
        }
        url = "jdbc:postgresql://localhost:" + server.port() + "/split";
        // First as a deployment without a separate application role, then with one and nothing
        // left to migrate (a deployment moving to separate roles): the grants come after every
        // migration, whether or not it applied anything; then once more, harmlessly.
        for (Optional<String> grantee :
                List.of(Optional.<String>empty(), Optional.of(APP), Optional.of(APP))) {
            Migrations.configure(
                            Flyway.configure()
                                    .dataSource(url, OWNER, "owner-password")
                                    .locations(Migrations.LOCATIONS),
                            Migrations.DEFAULT_LOCK_TIMEOUT,
                            grantee)
                    .load()
                    .migrate();
        }
        app = JdbcClient.create(new DriverManagerDataSource(url, APP_LOGIN, "app-password"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theApplicationAppendsToAndReadsTheAuditLogAndSealsIt() {
        new AuditLog(app, Clock.systemUTC())
                .record(AuditEntry.of(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE));
        AuditChain chain =
                new AuditChain(
                        app,
                        new TransactionTemplate(
                                new DataSourceTransactionManager(
                                        new DriverManagerDataSource(
                                                url, APP_LOGIN, "app-password"))),
                        Clock.systemUTC());

        assertThat(chain.seal()).isPositive();
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theApplicationCannotChangeOrRemoveAuditRows() {
        new AuditLog(app, Clock.systemUTC())
                .record(AuditEntry.of(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE));
        for (String table : new String[] {"audit_event", "audit_chain"}) {
            refused(
                    "update "
                            + table
                            + " set "
                            + (table.equals("audit_event")
                                    ? "action = 'NOTHING'"
                                    : "sealed_at = sealed_at"),
                    "permission denied for table " + table);
            refused("delete from " + table, "permission denied for table " + table);
            refused("truncate " + table, "permission denied for table " + table);
            refused(
                    "alter table " + table + " disable trigger user",
                    "must be owner of table " + table);
            refused("drop table " + table, "must be owner of table " + table);
        }
    }

    @Test
    void theApplicationCannotChangeTheSchemaOrItsHistory() {
        refused("create table scratch (id int)", "permission denied for schema public");
        refused("alter table account add column nickname text", "must be owner of table account");
        refused(
                "delete from flyway_schema_history",
                "permission denied for table flyway_schema_history");
        refused("drop function audit_event_is_append_only() cascade", "must be owner of function");
    }

    @Test
    void theApplicationReadsAndWritesOrdinaryRows() {
        UUID account = TestAccounts.insert(app, Role.DONOR, Instant.now(), Instant.now());

        assertThat(
                        app.sql("update account set verified_at = null where id = :id")
                                .param("id", account)
                                .update())
                .isOne();
        assertThat(app.sql("delete from account where id = :id").param("id", account).update())
                .isOne();
        assertThat(app.sql("select count(*) from flyway_schema_history").query(Long.class).single())
                .isPositive();
    }

    private static void refused(String sql, String message) {
        assertThatThrownBy(() -> app.sql(sql).params(Map.of()).update())
                .as(sql)
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining(message);
    }
}
