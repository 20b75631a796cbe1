package org.ramsetu.platform.allocation.offers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.Cursor;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tables {@code offer_sequence} and {@code organ_offer} (V227). */
public class OfferRows {

    private static final String SEQUENCE_COLUMNS =
            "id, allocation_run_id, donation_case_id, organ, status, simultaneous,"
                    + " response_seconds, provisional_seconds, started_at, started_by, closed_at,"
                    + " version";

    private static final String OFFER_COLUMNS =
            "id, sequence_id, request_id, centre_id, rank, status, offered_at, offered_by,"
                    + " respond_by, answered_at, answered_by, decline_reason, note,"
                    + " transplanted_at, transplant_recorded_by, graft_week1, graft_month3,"
                    + " outcome_recorded_at, outcome_recorded_by, version";

    private final JdbcClient jdbc;

    OfferRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the run already has a sequence or the organ is offered from another run. */
    boolean insertIfNoneLive(OfferSequence s) {
        return jdbc.sql(
                                """
                                insert into offer_sequence (id, allocation_run_id, donation_case_id,
                                    organ, status, simultaneous, response_seconds,
                                    provisional_seconds, started_at, started_by)
                                values (:id, :run, :case, :organ, :status, :simultaneous,
                                    :response, :provisional, :startedAt, :startedBy)
                                on conflict do nothing
                                """)
                        .param("id", s.id())
                        .param("run", s.runId())
                        .param("case", s.caseId())
                        .param("organ", s.organ().name())
                        .param("status", s.status().name())
                        .param("simultaneous", s.simultaneous())
                        .param("response", s.response().toSeconds())
                        .param("provisional", s.provisional().toSeconds())
                        .param("startedAt", Sql.timestamp(s.startedAt()))
                        .param("startedBy", s.startedBy())
                        .update()
                == 1;
    }

    /** The sequence, its row locked until the transaction ends: every change of it starts here. */
    OfferSequence lock(UUID sequenceId) {
        return jdbc.sql(
                        "select "
                                + SEQUENCE_COLUMNS
                                + " from offer_sequence where id = :id for update")
                .param("id", sequenceId)
                .query(OfferRows::sequence)
                .single();
    }

    Optional<OfferSequence> ofRun(UUID runId) {
        return jdbc.sql(
                        "select "
                                + SEQUENCE_COLUMNS
                                + " from offer_sequence"
                                + " where allocation_run_id = :run")
                .param("run", runId)
                .query(OfferRows::sequence)
                .optional();
    }

    Optional<OfferSequence> sequence(UUID id) {
        return jdbc.sql("select " + SEQUENCE_COLUMNS + " from offer_sequence where id = :id")
                .param("id", id)
                .query(OfferRows::sequence)
                .optional();
    }

    /** The sequence offering the case's organ now or that placed it, if any. */
    Optional<OfferSequence> live(UUID caseId, Organ organ) {
        return jdbc.sql(
                        "select "
                                + SEQUENCE_COLUMNS
                                + " from offer_sequence"
                                + " where donation_case_id = :case and organ = :organ"
                                + " and status in ('OPEN', 'ACCEPTED')")
                .param("case", caseId)
                .param("organ", organ.name())
                .query(OfferRows::sequence)
                .optional();
    }

    void close(OfferSequence s, SequenceStatus status, Instant at) {
        jdbc.sql(
                        "update offer_sequence set status = :status, closed_at = :at,"
                                + " version = version + 1 where id = :id")
                .param("id", s.id())
                .param("status", status.name())
                .param("at", Sql.timestamp(at))
                .update();
    }

    /** The sequence's offers in the run's order. */
    List<OrganOffer> offers(UUID sequenceId) {
        return jdbc.sql(
                        "select "
                                + OFFER_COLUMNS
                                + " from organ_offer"
                                + " where sequence_id = :id order by rank")
                .param("id", sequenceId)
                .query(OfferRows::offer)
                .list();
    }

    Optional<OrganOffer> offer(UUID id) {
        return jdbc.sql("select " + OFFER_COLUMNS + " from organ_offer where id = :id")
                .param("id", id)
                .query(OfferRows::offer)
                .optional();
    }

    private static final String OPEN = "status in ('OFFERED', 'PROVISIONAL')";

    /**
     * A page of a centre's offers: those awaiting an answer (soonest deadline first, keyed by the
     * deadline), or every offer (newest first, keyed by when it was made); up to {@code limit + 1}
     * rows, so the caller knows whether more follow.
     */
    List<OrganOffer> ofCentre(
            UUID centreId,
            boolean openOnly,
            @Nullable List<UUID> requests,
            @Nullable Cursor after,
            int limit) {
        ListQuery.Statement query = centrePageQuery(centreId, openOnly, requests, after, limit);
        return jdbc.sql(query.text()).params(query.params()).query(OfferRows::offer).list();
    }

    /** How many offers {@link #ofCentre} pages through. */
    long countOfCentre(UUID centreId, boolean openOnly, @Nullable List<UUID> requests) {
        ListQuery.Statement query = centreCountQuery(centreId, openOnly, requests);
        return jdbc.sql(query.text()).params(query.params()).query(Long.class).single();
    }

    /**
     * The query of {@link #ofCentre}; each order has its index (V227).
     *
     * @param requests only the offers for these listings (a search); null for all
     */
    public static ListQuery.Statement centrePageQuery(
            UUID centreId,
            boolean openOnly,
            @Nullable List<UUID> requests,
            @Nullable Cursor after,
            int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("centre", centreId);
        params.put("requests", requests == null ? null : requests.toArray(UUID[]::new));
        params.put("at", after == null ? null : Sql.timestamp(after.at()));
        params.put("id", after == null ? null : after.id());
        params.put("limit", limit + 1);
        String keyset =
                after == null
                        ? ""
                        : openOnly
                                ? " and (respond_by, id) > (:at, :id)"
                                : " and (offered_at, id) < (:at, :id)";
        return new ListQuery.Statement(
                "select "
                        + OFFER_COLUMNS
                        + " from organ_offer where centre_id = :centre"
                        + (openOnly ? " and " + OPEN : "")
                        + (requests == null ? "" : " and request_id = any(:requests)")
                        + keyset
                        + (openOnly
                                ? " order by respond_by, id"
                                : " order by offered_at desc, id desc")
                        + " limit :limit",
                params);
    }

    /** The query of {@link #countOfCentre}. */
    public static ListQuery.Statement centreCountQuery(
            UUID centreId, boolean openOnly, @Nullable List<UUID> requests) {
        Map<String, Object> params = new HashMap<>();
        params.put("centre", centreId);
        params.put("requests", requests == null ? null : requests.toArray(UUID[]::new));
        return new ListQuery.Statement(
                "select count(*) from organ_offer where centre_id = :centre"
                        + (openOnly ? " and " + OPEN : "")
                        + (requests == null ? "" : " and request_id = any(:requests)"),
                params);
    }

    void insert(OrganOffer o) {
        jdbc.sql(
                        """
                        insert into organ_offer (id, sequence_id, request_id, centre_id, rank,
                            status, offered_at, offered_by, respond_by)
                        values (:id, :sequence, :request, :centre, :rank, :status, :offeredAt,
                            :offeredBy, :respondBy)
                        """)
                .param("id", o.id())
                .param("sequence", o.sequenceId())
                .param("request", o.requestId())
                .param("centre", o.centreId())
                .param("rank", o.rank())
                .param("status", o.status().name())
                .param("offeredAt", Sql.timestamp(o.offeredAt()))
                .param("offeredBy", o.offeredBy())
                .param("respondBy", Sql.timestamp(o.respondBy()))
                .update();
    }

    /**
     * Writes an answered, provisional or transplanted offer; the caller holds the sequence lock.
     */
    void update(OrganOffer o) {
        int rows =
                jdbc.sql(
                                """
                                update organ_offer
                                   set status = :status, respond_by = :respondBy,
                                       answered_at = :answeredAt, answered_by = :answeredBy,
                                       decline_reason = :reason, note = :note,
                                       transplanted_at = :transplantedAt,
                                       transplant_recorded_by = :recordedBy,
                                       graft_week1 = :week1, graft_month3 = :month3,
                                       outcome_recorded_at = :outcomeAt,
                                       outcome_recorded_by = :outcomeBy,
                                       version = version + 1
                                 where id = :id and version = :version
                                """)
                        .param("id", o.id())
                        .param("version", o.version())
                        .param("status", o.status().name())
                        .param("respondBy", Sql.timestamp(o.respondBy()))
                        .param("answeredAt", Sql.timestamp(o.answeredAt()))
                        .param("answeredBy", o.answeredBy())
                        .param(
                                "reason",
                                o.declineReason() == null ? null : o.declineReason().name())
                        .param("note", o.note())
                        .param("transplantedAt", Sql.timestamp(o.transplantedAt()))
                        .param("recordedBy", o.transplantRecordedBy())
                        .param("week1", graft(o, OrganOffer.Outcome::week1))
                        .param("month3", graft(o, OrganOffer.Outcome::month3))
                        .param(
                                "outcomeAt",
                                o.outcome() == null
                                        ? null
                                        : Sql.timestamp(o.outcome().recordedAt()))
                        .param("outcomeBy", o.outcome() == null ? null : o.outcome().recordedBy())
                        .update();
        if (rows != 1) {
            throw new IllegalStateException(
                    "offer " + o.id() + " changed although its sequence was locked");
        }
    }

    private static OfferSequence sequence(ResultSet rs, int row) throws SQLException {
        return new OfferSequence(
                rs.getObject("id", UUID.class),
                rs.getObject("allocation_run_id", UUID.class),
                rs.getObject("donation_case_id", UUID.class),
                Organ.valueOf(rs.getString("organ")),
                SequenceStatus.valueOf(rs.getString("status")),
                rs.getInt("simultaneous"),
                Duration.ofSeconds(rs.getInt("response_seconds")),
                Duration.ofSeconds(rs.getInt("provisional_seconds")),
                Sql.instant(rs, "started_at"),
                rs.getObject("started_by", UUID.class),
                Sql.instant(rs, "closed_at"),
                rs.getLong("version"));
    }

    private static OrganOffer offer(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("decline_reason");
        return new OrganOffer(
                rs.getObject("id", UUID.class),
                rs.getObject("sequence_id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getObject("centre_id", UUID.class),
                rs.getInt("rank"),
                OfferStatus.valueOf(rs.getString("status")),
                Sql.instant(rs, "offered_at"),
                rs.getObject("offered_by", UUID.class),
                Sql.instant(rs, "respond_by"),
                Sql.instant(rs, "answered_at"),
                rs.getObject("answered_by", UUID.class),
                reason == null ? null : DeclineReason.valueOf(reason),
                rs.getString("note"),
                Sql.instant(rs, "transplanted_at"),
                rs.getObject("transplant_recorded_by", UUID.class),
                outcome(rs),
                rs.getLong("version"));
    }

    private static OrganOffer.@Nullable Outcome outcome(ResultSet rs) throws SQLException {
        Instant at = Sql.instant(rs, "outcome_recorded_at");
        if (at == null) {
            return null;
        }
        String week1 = rs.getString("graft_week1");
        String month3 = rs.getString("graft_month3");
        return new OrganOffer.Outcome(
                week1 == null ? null : GraftFunction.valueOf(week1),
                month3 == null ? null : GraftFunction.valueOf(month3),
                at,
                rs.getObject("outcome_recorded_by", UUID.class));
    }

    private static @Nullable String graft(
            OrganOffer o, Function<OrganOffer.Outcome, @Nullable GraftFunction> which) {
        if (o.outcome() == null) {
            return null;
        }
        GraftFunction value = which.apply(o.outcome());
        return value == null ? null : value.name();
    }
}
