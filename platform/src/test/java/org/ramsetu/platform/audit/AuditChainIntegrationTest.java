package org.ramsetu.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ramsetu.infra.testing.PerClassDatabase;
import org.ramsetu.platform.identity.Role;
import org.ramsetu.platform.testing.MutableClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit chain on a real PostgreSQL: what the sealer seals verifies, and each kind of tampering
 * a database owner could do (the application's role cannot) is reported by the verification.
 */
class AuditChainIntegrationTest {

    @RegisterExtension static final PerClassDatabase db = new PerClassDatabase();

    private final MutableClock clock = new MutableClock(Instant.now());
    private JdbcClient jdbc;
    private AuditLog log;
    private AuditChain chain;

    @BeforeEach
    void emptyLog() {
        jdbc = db.jdbc();
        // Each test starts from an empty log and chain; only an owner can do this, with the
        // append-only triggers off.
        asOwnerWithoutTriggers("delete from audit_chain", "delete from audit_event");
        log = new AuditLog(jdbc, clock);
        chain = new AuditChain(jdbc, db.transactions(), clock);
    }

    @Test
    void sealedEventsVerifyAndLaterOnesExtendTheChain() {
        record(5);
        assertThat(chain.seal()).isEqualTo(5);
        assertThat(chain.seal()).as("nothing new").isZero();
        AuditChain.Verification first = chain.verify();
        assertThat(first.intact()).as(first.findings().toString()).isTrue();
        assertThat(first.entries()).isEqualTo(5);
        assertThat(first.head()).map(AuditChain.Head::position).contains(5L);

        record(3);
        assertThat(chain.seal()).isEqualTo(3);
        AuditChain.Verification second = chain.verify(first.head());
        assertThat(second.intact()).as(second.findings().toString()).isTrue();
        assertThat(second.entries()).isEqualTo(8);
        assertThat(second.head()).isEqualTo(chain.head());
    }

    @Test
    void aBacklogLargerThanOneBatchIsSealedInOneRun() {
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, action, outcome, detail)
                        select :at, 'BULK', 'SUCCESS', jsonb_build_object('n', n)
                        from generate_series(1, 4500) n
                        """)
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(400))))
                .update();

        assertThat(chain.seal()).isEqualTo(4_500);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aDeletedEventIsReported() {
        record(4);
        chain.seal();
        long victim = eventIdAt(2);

        asOwnerWithoutTriggers("delete from audit_event where id = " + victim);

        assertThat(chain.verify().findings())
                .containsExactly(
                        "event " + victim + " sealed at position 2 is missing: it was deleted");
    }

    @Test
    void anEditedEventIsReported() {
        record(4);
        chain.seal();
        long victim = eventIdAt(3);

        asOwnerWithoutTriggers(
                "update audit_event set detail = '{\"note\": \"nothing happened\"}' where id = "
                        + victim);

        assertThat(chain.verify().findings())
                .containsExactly(
                        "event "
                                + victim
                                + " sealed at position 3 was changed after it was sealed");
    }

    @Test
    void aDeletedChainEntryIsReported() {
        record(4);
        chain.seal();

        asOwnerWithoutTriggers("delete from audit_chain where position = 2");

        assertThat(chain.verify().findings())
                .containsExactly("positions 2 to 2 are missing: chain entries were deleted");
    }

    @Test
    void aRewrittenEntryIsReported() {
        record(3);
        chain.seal();

        asOwnerWithoutTriggers("update audit_chain set hash = sha256(hash) where position = 2");

        assertThat(chain.verify().findings())
                .contains(
                        "position 3 does not follow position 2: an entry was changed or replaced");
    }

    @Test
    void removingTheNewestEntriesIsFoundAgainstTheAnchor() {
        record(5);
        chain.seal();
        Optional<AuditChain.Head> anchor = chain.head();
        long newest = eventIdAt(5);

        asOwnerWithoutTriggers(
                "delete from audit_chain where position = 5",
                "delete from audit_event where id = " + newest);

        assertThat(chain.verify().intact()).as("the shorter chain is whole by itself").isTrue();
        assertThat(chain.verify(anchor).findings())
                .containsExactly(
                        "the chain ends at position 4, before the anchor 5: the newest entries"
                                + " were removed");
    }

    @Test
    void anEventCommittedLateWithinTheLookBackIsSealed() {
        // A transaction took its id, a later one committed first and was sealed.
        long early = jdbc.sql("select nextval('audit_event_id_seq')").query(Long.class).single();
        record(2);
        chain.seal();

        insertEvent(early, clock.instant(), "LATE");

        assertThat(chain.seal()).isEqualTo(1);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void anEventWrittenAfterTheFactBelowTheSealedIdsIsReported() {
        long reserved = jdbc.sql("select nextval('audit_event_id_seq')").query(Long.class).single();
        record(2);
        chain.seal();

        insertEvent(reserved, clock.instant().minus(Duration.ofHours(3)), "BACKDATED");
        chain.seal();

        assertThat(chain.verify().findings())
                .singleElement()
                .asString()
                .startsWith("event " + reserved + " of ")
                .endsWith(
                        "was never sealed: written after the fact, or no sealer ran for longer"
                                + " than the look-back");
    }

    @Test
    void theAnchorTextIsStrict() {
        String hash = "a".repeat(64);
        assertThat(AuditChain.Head.parse("12:" + hash.toUpperCase()))
                .isEqualTo(new AuditChain.Head(12, hash));
        for (String bad : new String[] {"12", ":" + hash, "x:" + hash, "0:" + hash, "3:abc"}) {
            assertThatThrownBy(() -> AuditChain.Head.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void columnsAreHashedApartSoTextCannotMoveBetweenThem() {
        Instant at = Instant.parse("2026-12-03T10:00:00.123456Z");
        var one =
                new AuditChain.ChainedEvent(
                        1, at, null, "ADMIN", "AB", "SUCCESS", "C", null, null, "{}");
        var other =
                new AuditChain.ChainedEvent(
                        1, at, null, "ADMIN", "A", "SUCCESS", "BC", null, null, "{}");
        var absent =
                new AuditChain.ChainedEvent(
                        1, at, null, "ADMIN", "AB", "SUCCESS", "C", "", null, "{}");
        byte[] genesis = new byte[32];

        assertThat(AuditChain.hash(genesis, one)).isNotEqualTo(AuditChain.hash(genesis, other));
        assertThat(AuditChain.hash(genesis, one)).isNotEqualTo(AuditChain.hash(genesis, absent));
        assertThat(AuditChain.hash(genesis, one)).isEqualTo(AuditChain.hash(genesis, one));
    }

    private void record(int events) {
        for (int i = 0; i < events; i++) {
            log.record(
                    AuditEntry.of(AuditActions.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS)
                            .by(UUID.randomUUID(), Role.ADMIN)
                            .on("account", UUID.randomUUID())
                            .with(Map.of("n", i, "note", "Überweisung ✓")));
            clock.advance(Duration.ofMillis(1));
        }
    }

    private void insertEvent(long id, Instant at, String action) {
        jdbc.sql(
                        """
                        insert into audit_event (id, occurred_at, action, outcome)
                        values (:id, :at, :action, 'SUCCESS')
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("action", action)
                .update();
    }

    private long eventIdAt(long position) {
        return jdbc.sql("select event_id from audit_chain where position = :p")
                .param("p", position)
                .query(Long.class)
                .single();
    }

    private static void asOwnerWithoutTriggers(String... statements) {
        JdbcClient owner = db.jdbc();
        owner.sql("alter table audit_event disable trigger user").update();
        owner.sql("alter table audit_chain disable trigger user").update();
        try {
            for (String sql : statements) {
                owner.sql(sql).update();
            }
        } finally {
            owner.sql("alter table audit_event enable trigger user").update();
            owner.sql("alter table audit_chain enable trigger user").update();
        }
    }
}
