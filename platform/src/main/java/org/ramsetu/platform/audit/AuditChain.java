package org.ramsetu.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over the audit log (docs/SECURITY.md, "Tamper-evident audit"). Committed events
 * are sealed in the order the sealer sees them: entry {@code n} holds the event's id, the hash of
 * entry {@code n-1} and {@code SHA-256(previous hash ‖ the event's columns)}. Editing or deleting a
 * sealed event or a chain entry breaks the chain from there on, and {@link #verify} reports it.
 *
 * <p>Removing the newest entries together with their events leaves a shorter chain that is still
 * whole: the head ({@link Head}) logged after each seal, kept outside the database, is the anchor
 * that {@link #verify(Optional)} compares against to find that.
 */
public class AuditChain {

    /**
     * How far back (by {@code occurred_at}) the sealer looks for events committed after newer ones
     * were sealed: an event's transaction must commit within this of its insert, which every
     * transaction of the application does by far. One that commits later is never sealed and {@link
     * #verify} reports it.
     */
    public static final Duration SEAL_LOOKBACK = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(AuditChain.class);
    private static final byte[] GENESIS = new byte[32];
    private static final int BATCH = 2_000;
    private static final int REPORTED_FINDINGS = 100;
    private static final HexFormat HEX = HexFormat.of();

    /** Named, not "*": the hash covers exactly these columns, whatever a later release adds. */
    private static final String EVENT_COLUMNS =
            """
            e.id, e.occurred_at, e.actor_id::text as actor_id, e.actor_role, e.action, e.outcome,
            e.target_type, e.target_id, e.client_ip, e.detail::text as detail
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AuditChain(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The newest entry of the chain: an anchor to keep outside the database. */
    public record Head(long position, String hash) {

        /** {@code POSITION:HEX}, as logged and as {@code ramsetu audit verify --expect-head}. */
        public static Head parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException(
                        "an anchor is POSITION:SHA256-HEX, e.g. 1042:9f86d0…, not " + text);
            }
            long position;
            try {
                position = Long.parseLong(text.substring(0, colon));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("anchor position is not a number: " + text);
            }
            String hash = text.substring(colon + 1).toLowerCase(Locale.ROOT);
            if (position < 1 || !hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(
                        "an anchor is POSITION:SHA256-HEX (position ≥ 1, 64 hex digits), not "
                                + text);
            }
            return new Head(position, hash);
        }

        @Override
        public String toString() {
            return position + ":" + hash;
        }
    }

    /**
     * What {@link #verify} found: every entry walked, the head, and each break (the first {@value
     * #REPORTED_FINDINGS} described, all counted).
     */
    public record Verification(
            long entries, Optional<Head> head, List<String> findings, long findingCount) {

        public boolean intact() {
            return findingCount == 0;
        }
    }

    /**
     * Seals every committed event not sealed yet, in batches, one transaction each (two sealers
     * take turns on an advisory lock). Returns how many were sealed.
     */
    public long seal() {
        long sealed = 0;
        for (boolean first = true; ; first = false) {
            boolean lookForLateEvents = first;
            Integer batch = transactions.execute(status -> sealBatch(lookForLateEvents));
            sealed += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (sealed > 0) {
            long count = sealed;
            head().ifPresent(
                            head ->
                                    LOG.info(
                                            "Audit chain: {} events sealed, head {}", count, head));
        }
        return sealed;
    }

    private int sealBatch(boolean lookForLateEvents) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ramsetu.audit_chain'))").query().rowSet();
        Optional<Head> head = head();
        long lastSealedEvent =
                jdbc.sql("select coalesce(max(event_id), 0) from audit_chain")
                        .query(Long.class)
                        .single();
        // New events have higher ids than any sealed one (an index range, no look-up in the
        // chain). An event whose transaction committed after higher ids were sealed is found by
        // its time, within the look-back: looked for in the first batch of a run only, so a
        // backlog costs one such search, not one per batch.
        String newEvents =
                "(select "
                        + EVENT_COLUMNS
                        + " from audit_event e where e.id > :last order by e.id limit :batch)";
        String lateEvents =
                "(select "
                        + EVENT_COLUMNS
                        + """
                         from audit_event e
                        where e.occurred_at >= :since and e.id <= :last
                          and not exists (select 1 from audit_chain c where c.event_id = e.id))
                        """;
        List<ChainedEvent> events =
                jdbc.sql(
                                "select * from ("
                                        + newEvents
                                        + (lookForLateEvents ? " union all " + lateEvents : "")
                                        + ") candidate order by id limit :batch")
                        .param("last", lastSealedEvent)
                        .param("since", Timestamp.from(clock.instant().minus(SEAL_LOOKBACK)))
                        .param("batch", BATCH)
                        .query(AuditChain::event)
                        .list();
        if (events.isEmpty()) {
            return 0;
        }
        long position = head.map(Head::position).orElse(0L);
        byte[] previous = head.map(h -> HEX.parseHex(h.hash())).orElse(GENESIS);
        int n = events.size();
        long[] positions = new long[n];
        long[] eventIds = new long[n];
        String[] previousHashes = new String[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            ChainedEvent event = events.get(i);
            byte[] hash = hash(previous, event);
            positions[i] = ++position;
            eventIds[i] = event.id();
            previousHashes[i] = HEX.formatHex(previous);
            hashes[i] = HEX.formatHex(hash);
            previous = hash;
        }
        // One statement with four arrays, whatever the batch's size.
        jdbc.sql(
                        """
                        insert into audit_chain (position, event_id, previous_hash, hash, sealed_at)
                        select p, e, decode(ph, 'hex'), decode(h, 'hex'), :now
                        from unnest(:positions, :events, :previous, :hashes) as b(p, e, ph, h)
                        """)
                .param("positions", positions)
                .param("events", eventIds)
                .param("previous", previousHashes)
                .param("hashes", hashes)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return n;
    }

    /** The newest entry, if anything is sealed. */
    public Optional<Head> head() {
        return jdbc.sql("select position, hash from audit_chain order by position desc limit 1")
                .query((rs, n) -> new Head(rs.getLong("position"), HEX.formatHex(rs.getBytes(2))))
                .optional();
    }

    /** {@link #verify(Optional)} without an anchor. */
    public Verification verify() {
        return verify(Optional.empty());
    }

    /**
     * Walks the whole chain: positions without gaps, each entry's previous hash that of the entry
     * before, each sealed event present and hashing to what was sealed; then looks for events older
     * than the look-back that were never sealed, and compares the chain with the anchor.
     */
    public Verification verify(Optional<Head> anchor) {
        Findings findings = new Findings();
        long expectedPosition = 1;
        byte[] previous = GENESIS;
        long entries = 0;
        byte[] anchorHashSeen = null;
        while (true) {
            List<ChainEntry> page =
                    jdbc.sql(
                                    "select c.position, c.event_id, c.previous_hash, c.hash,"
                                            + " e.id is not null as present, "
                                            + EVENT_COLUMNS
                                            + """
                                            from audit_chain c
                                            left join audit_event e on e.id = c.event_id
                                            where c.position >= :from
                                            order by c.position
                                            limit :batch
                                            """)
                            .param("from", expectedPosition)
                            .param("batch", BATCH)
                            .query(AuditChain::entry)
                            .list();
            if (page.isEmpty()) {
                break;
            }
            for (ChainEntry entry : page) {
                entries++;
                if (entry.position() != expectedPosition) {
                    findings.add(
                            "positions %d to %d are missing: chain entries were deleted"
                                    .formatted(expectedPosition, entry.position() - 1));
                } else if (!Arrays.equals(entry.previousHash(), previous)) {
                    findings.add(
                            ("position %d does not follow position %d: an entry was changed or"
                                            + " replaced")
                                    .formatted(entry.position(), entry.position() - 1));
                }
                if (entry.event() == null) {
                    findings.add(
                            "event %d sealed at position %d is missing: it was deleted"
                                    .formatted(entry.eventId(), entry.position()));
                } else if (!Arrays.equals(
                        hash(entry.previousHash(), entry.event()), entry.hash())) {
                    findings.add(
                            "event %d sealed at position %d was changed after it was sealed"
                                    .formatted(entry.eventId(), entry.position()));
                }
                if (anchor.isPresent() && entry.position() == anchor.get().position()) {
                    anchorHashSeen = entry.hash();
                }
                // Carry on from what is stored, so one break is reported once, not at every entry
                // after it.
                previous = entry.hash();
                expectedPosition = entry.position() + 1;
            }
        }
        Optional<Head> head =
                entries == 0
                        ? Optional.empty()
                        : Optional.of(new Head(expectedPosition - 1, HEX.formatHex(previous)));
        anchor.ifPresent(
                a -> {
                    long length = head.map(Head::position).orElse(0L);
                    if (length < a.position()) {
                        findings.add(
                                ("the chain ends at position %d, before the anchor %d: the newest"
                                                + " entries were removed")
                                        .formatted(length, a.position()));
                    }
                });
        if (anchor.isPresent()
                && anchorHashSeen != null
                && !HEX.formatHex(anchorHashSeen).equals(anchor.get().hash())) {
            findings.add(
                    "the entry at position %d differs from the anchor: the chain was rewritten"
                            .formatted(anchor.get().position()));
        }
        unsealed(findings);
        return new Verification(entries, head, findings.described, findings.count);
    }

    private void unsealed(Findings findings) {
        Timestamp before = Timestamp.from(clock.instant().minus(SEAL_LOOKBACK));
        String unsealed =
                """
                from audit_event e
                where e.occurred_at < :before
                  and not exists (select 1 from audit_chain c where c.event_id = e.id)
                """;
        long count =
                jdbc.sql("select count(*) " + unsealed)
                        .param("before", before)
                        .query(Long.class)
                        .single();
        if (count == 0) {
            return;
        }
        jdbc.sql("select e.id, e.occurred_at " + unsealed + " order by e.id limit :limit")
                .param("before", before)
                .param("limit", REPORTED_FINDINGS)
                .query(
                        (rs, n) ->
                                "event %d of %s was never sealed: written after the fact, or no"
                                                .formatted(
                                                        rs.getLong(1),
                                                        rs.getTimestamp(2).toInstant())
                                        + " sealer ran for longer than the look-back")
                .list()
                .forEach(findings::add);
        findings.count += count - Math.min(count, REPORTED_FINDINGS);
    }

    /** Findings described up to a limit, all counted. */
    private static final class Findings {
        final List<String> described = new ArrayList<>();
        long count;

        void add(String finding) {
            count++;
            if (described.size() < REPORTED_FINDINGS) {
                described.add(finding);
            }
        }
    }

    /** An event's columns as the chain hashes them. */
    record ChainedEvent(
            long id,
            Instant occurredAt,
            String actorId,
            String actorRole,
            String action,
            String outcome,
            String targetType,
            String targetId,
            String clientIp,
            String detail) {}

    private record ChainEntry(
            long position, long eventId, byte[] previousHash, byte[] hash, ChainedEvent event) {}

    private static ChainedEvent event(ResultSet rs, int row) throws SQLException {
        return new ChainedEvent(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor_id"),
                rs.getString("actor_role"),
                rs.getString("action"),
                rs.getString("outcome"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("client_ip"),
                rs.getString("detail"));
    }

    private static ChainEntry entry(ResultSet rs, int row) throws SQLException {
        return new ChainEntry(
                rs.getLong("position"),
                rs.getLong("event_id"),
                rs.getBytes("previous_hash"),
                rs.getBytes("hash"),
                rs.getBoolean("present") ? event(rs, row) : null);
    }

    /**
     * SHA-256 of the previous hash and every column, each column length-prefixed (or marked absent)
     * so no two different events hash alike by shifting text between columns. The time is in
     * microseconds, PostgreSQL's precision; the detail is jsonb's own text form, which is the same
     * for the same value.
     */
    static byte[] hash(byte[] previous, ChainedEvent event) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        digest.update(previous);
        Instant at = event.occurredAt();
        long micros =
                Math.addExact(
                        Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        for (String column :
                new String[] {
                    Long.toString(event.id()),
                    Long.toString(micros),
                    event.actorId(),
                    event.actorRole(),
                    event.action(),
                    event.outcome(),
                    event.targetType(),
                    event.targetId(),
                    event.clientIp(),
                    event.detail()
                }) {
            if (column == null) {
                digest.update((byte) 0);
            } else {
                byte[] bytes = column.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 1);
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return digest.digest();
    }
}
