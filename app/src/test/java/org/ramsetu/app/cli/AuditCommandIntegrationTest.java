package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ramsetu.infra.postgres.EmbeddedPostgresServer;
import org.ramsetu.platform.audit.AuditChain;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ramsetu audit verify} on the embedded database of a data folder: intact after sealing,
 * exit 1 naming the event once a sealed row is deleted, and an earlier head as the anchor.
 */
class AuditCommandIntegrationTest {

    private static final Pattern HEAD = Pattern.compile("head (\\d+:[0-9a-f]{64})");

    @TempDir static Path dir;
    private static EmbeddedPostgresServer running;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void serveTheDataFolder() {
        running = EmbeddedPostgresServer.start(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void anIntactChainVerifiesAndADeletedRowIsReported() {
        assertThat(run("audit", "verify")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("head (nothing sealed yet)").contains("Intact.");

        DriverManagerDataSource data =
                new DriverManagerDataSource(
                        running.jdbcUrl(), running.username(), running.password());
        JdbcClient jdbc = JdbcClient.create(data);
        AuditLog log = new AuditLog(jdbc, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            log.record(AuditEntry.of("RECORD_READ", AuditOutcome.SUCCESS).on("donor", i));
        }
        AuditChain chain =
                new AuditChain(
                        jdbc,
                        new TransactionTemplate(new DataSourceTransactionManager(data)),
                        Clock.systemUTC());
        chain.seal();

        assertThat(run("audit", "verify")).as(err.toString()).isZero();
        Matcher head = HEAD.matcher(out.toString());
        assertThat(head.find()).as(out.toString()).isTrue();
        String anchor = head.group(1);
        assertThat(anchor).startsWith("3:");

        long victim =
                jdbc.sql("select event_id from audit_chain where position = 3")
                        .query(Long.class)
                        .single();
        jdbc.sql("alter table audit_event disable trigger user").update();
        jdbc.sql("delete from audit_event where id = :id").param("id", victim).update();
        jdbc.sql("alter table audit_event enable trigger user").update();

        assertThat(run("audit", "verify")).isEqualTo(1);
        assertThat(err.toString())
                .contains("FAIL event " + victim + " sealed at position 3 is missing");
        assertThat(out.toString()).contains("1 findings: the audit log was tampered with.");

        assertThat(run("audit", "verify", "--expect-head", anchor)).isEqualTo(1);
    }

    @Test
    void aMalformedAnchorIsAUsageError() {
        assertThat(run("audit", "verify", "--expect-head", "7:nothex"))
                .isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--expect-head: an anchor is POSITION:SHA256-HEX");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return RamsetuCommand.commandLine(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        Map.of("RAMSETU_DATA_DIR", dir.resolve("data").toString()))
                .execute(args);
    }
}
