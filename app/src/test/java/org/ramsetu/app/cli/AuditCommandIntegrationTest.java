package org.ramsetu.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.platform.audit.AuditChain;
import org.ramsetu.platform.audit.AuditEntry;
import org.ramsetu.platform.audit.AuditLog;
import org.ramsetu.platform.audit.AuditOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ramsetu audit verify} on the embedded database of a data folder: intact after sealing,
 * exit 1 naming the event once a sealed row is deleted, and an earlier head as the anchor.
 */
class AuditCommandIntegrationTest {

    private static final Pattern HEAD = Pattern.compile("head (\\d+:[0-9a-f]{64})");

    @RegisterExtension static final CommandDatabase db = new CommandDatabase();
    private final CommandRuns cli = new CommandRuns(db.dataFolderEnvironment());

    @Test
    void anIntactChainVerifiesAndADeletedRowIsReported() {
        assertThat(cli.runAfresh("audit", "verify")).as(cli.err()).isZero();
        assertThat(cli.out()).contains("head (nothing sealed yet)").contains("Intact.");

        DataSource data = db.dataSource();
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

        assertThat(cli.runAfresh("audit", "verify")).as(cli.err()).isZero();
        Matcher head = HEAD.matcher(cli.out());
        assertThat(head.find()).as(cli.out()).isTrue();
        String anchor = head.group(1);
        assertThat(anchor).startsWith("3:");

        long victim =
                jdbc.sql("select event_id from audit_chain where position = 3")
                        .query(Long.class)
                        .single();
        jdbc.sql("alter table audit_event disable trigger user").update();
        jdbc.sql("delete from audit_event where id = :id").param("id", victim).update();
        jdbc.sql("alter table audit_event enable trigger user").update();

        assertThat(cli.runAfresh("audit", "verify")).isEqualTo(1);
        assertThat(cli.err()).contains("FAIL event " + victim + " sealed at position 3 is missing");
        assertThat(cli.out()).contains("1 findings: the audit log was tampered with.");

        assertThat(cli.runAfresh("audit", "verify", "--expect-head", anchor)).isEqualTo(1);
    }

    @Test
    void aMalformedAnchorIsAUsageError() {
        assertThat(cli.runAfresh("audit", "verify", "--expect-head", "7:nothex"))
                .isEqualTo(RamsetuCommand.EXIT_USAGE);
        assertThat(cli.err()).contains("--expect-head: an anchor is POSITION:SHA256-HEX");
    }
}
