package org.ramsetu.platform.matching.matches;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Matches in PostgreSQL. Every decision names the version it replaces. */
public class Matches {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, run_id, request_id, pledge_id, patient_id, donor_id, organ, rank, score, ml_score,
            distance_km, pledge_version, request_version, status, decline_reason, decline_note,
            created_at, decided_at, decided_by, superseded_by_run, version
            """;

    private final JdbcClient jdbc;

    public Matches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Match m) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", m.id());
        v.put("run", m.runId());
        v.put("request", m.requestId());
        v.put("pledge", m.pledgeId());
        v.put("patient", m.patientId());
        v.put("donor", m.donorId());
        v.put("organ", m.organ().name());
        v.put("rank", m.rank());
        v.put("score", m.score());
        v.put("ml", m.mlScore());
        v.put("distance", m.distanceKm());
        v.put("pledgeVersion", m.pledgeVersion());
        v.put("requestVersion", m.requestVersion());
        v.put("status", m.status().name());
        v.put("created", Sql.timestamp(m.createdAt()));
        jdbc.sql(
                        """
                        insert into match (id, run_id, request_id, pledge_id, patient_id, donor_id,
                            organ, rank, score, ml_score, distance_km, pledge_version,
                            request_version, status, created_at, version)
                        values (:id, :run, :request, :pledge, :patient, :donor, :organ, :rank,
                            :score, :ml, :distance, :pledgeVersion, :requestVersion, :status,
                            :created, 0)
                        """)
                .params(v)
                .update();
    }

    public Optional<Match> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from match where id = :id")
                .param("id", id)
                .query(Matches::match)
                .optional();
    }

    /** The run's proposals, best first, as they stand now. */
    public List<Match> ofRun(UUID runId) {
        return jdbc.sql("select " + COLUMNS + " from match where run_id = :run order by rank")
                .param("run", runId)
                .query(Matches::match)
                .list();
    }

    /**
     * A coordinator's decision on a proposed match.
     *
     * @return false when the match is no longer {@code PROPOSED} at {@code expectedVersion}
     */
    boolean decide(
            UUID id,
            long expectedVersion,
            MatchStatus next,
            DeclineReason reason,
            String note,
            UUID by,
            Instant at) {
        return jdbc.sql(
                                """
                                update match set status = :status, decline_reason = :reason,
                                    decline_note = :note, decided_at = :at, decided_by = :by,
                                    version = version + 1
                                where id = :id and version = :version and status = 'PROPOSED'
                                """)
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("status", next.name())
                        .param("reason", reason == null ? null : reason.name())
                        .param("note", note)
                        .param("at", Sql.timestamp(at))
                        .param("by", by)
                        .update()
                == 1;
    }

    /**
     * Declines the other open proposals of a pledge (another patient was chosen) or of a request
     * (another donor was chosen) once one match is approved.
     *
     * @return the declined matches, as they are now
     */
    List<Match> declineOthers(
            String column, UUID value, UUID approved, DeclineReason reason, UUID by, Instant at) {
        if (!column.equals("pledge_id") && !column.equals("request_id")) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql(
                        "update match set status = 'DECLINED', decline_reason = :reason,"
                                + " decided_at = :at, decided_by = :by, version = version + 1"
                                + " where "
                                + column
                                + " = :value and status = 'PROPOSED' and id <> :approved"
                                + " returning *")
                .param("reason", reason.name())
                .param("at", Sql.timestamp(at))
                .param("by", by)
                .param("value", value)
                .param("approved", approved)
                .query(Matches::match)
                .list();
    }

    /**
     * A newer run for the request replaces its open proposals.
     *
     * @return the ids of the superseded matches
     */
    public List<UUID> supersede(UUID requestId, UUID newRun) {
        return jdbc.sql(
                        """
                        update match set status = 'SUPERSEDED', superseded_by_run = :run,
                            version = version + 1
                        where request_id = :request and status = 'PROPOSED'
                        returning id
                        """)
                .param("run", newRun)
                .param("request", requestId)
                .query(UUID.class)
                .list();
    }

    /** Newest first; up to {@code page.limit() + 1} rows, so the caller knows if more follow. */
    List<Match> page(MatchFilter filter, PageRequest page) {
        ListQuery.Statement query = pageQuery(filter, page);
        return jdbc.sql(query.text()).params(query.params()).query(Matches::match).list();
    }

    /** How many matches the filter selects: the list's "n of total". */
    long count(MatchFilter filter) {
        ListQuery.Statement query = countQuery(filter);
        return jdbc.sql(query.text()).params(query.params()).query(Long.class).single();
    }

    /** The query of {@link #count}. */
    public static ListQuery.Statement countQuery(MatchFilter filter) {
        return where(filter).toCountSql(found(filter) + "select 1 from match m");
    }

    /** The query of a page: newest first, from the index of the filter's leading column. */
    public static ListQuery.Statement pageQuery(MatchFilter f, PageRequest page) {
        return where(f).after("m.created_at", "m.id", page.after())
                .toSql(
                        found(f) + "select " + Sql.qualified("m", COLUMNS) + " from match m",
                        "m.created_at desc, m.id desc",
                        page.limit());
    }

    // A part of either party's name or e-mail address: the people are found once, from the
    // trigram indexes of the accounts' published view (V231), and their matches from
    // match_patient_idx and match_donor_idx, as a bitmap of both. Written as "= any(array(...))",
    // which an index answers; "in (select ...) or in (select ...)" can only be checked match by
    // match, so a name nobody has read all 125,000 matches (111 ms; now under 1 ms). A common
    // name (5,214 people, 10,180 matches) costs 48 ms for the page and 39 ms for its count.
    // Measured against two disjoint branches per party (the planner then read every match for
    // the donor's) and a union of the matches found (217 ms): docs/PERFORMANCE.md.
    private static String found(MatchFilter f) {
        return f.search() == null
                ? ""
                : "with found as materialized (select h.id from account_holder h where"
                        + " lower(h.full_name) like :search or h.email_key like :search) ";
    }

    private static final String SEARCHED =
            "(m.patient_id = any(array(select id from found))"
                    + " or m.donor_id = any(array(select id from found)))";

    private static ListQuery where(MatchFilter f) {
        return new ListQuery()
                .filter("m.patient_id = :patient", "patient", f.patientId())
                .filter("m.donor_id = :donor", "donor", f.donorId())
                .filter(
                        "m.status = :status",
                        "status",
                        f.status() == null ? null : f.status().name())
                .filter("m.organ = :organ", "organ", f.organ() == null ? null : f.organ().name())
                .filter("m.request_id = :request", "request", f.requestId())
                .filter("m.pledge_id = :pledge", "pledge", f.pledgeId())
                .filter("m.run_id = :run", "run", f.runId())
                .filter(
                        SEARCHED,
                        "search",
                        f.search() == null ? null : ListQuery.containing(f.search()));
    }

    static Match match(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("decline_reason");
        double ml = rs.getDouble("ml_score");
        Double mlScore = rs.wasNull() ? null : ml;
        return new Match(
                rs.getObject("id", UUID.class),
                rs.getObject("run_id", UUID.class),
                rs.getObject("request_id", UUID.class),
                rs.getObject("pledge_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                Organ.valueOf(rs.getString("organ")),
                rs.getInt("rank"),
                rs.getDouble("score"),
                mlScore,
                rs.getDouble("distance_km"),
                rs.getLong("pledge_version"),
                rs.getLong("request_version"),
                MatchStatus.valueOf(rs.getString("status")),
                reason == null ? null : DeclineReason.valueOf(reason),
                rs.getString("decline_note"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "decided_at"),
                rs.getObject("decided_by", UUID.class),
                rs.getObject("superseded_by_run", UUID.class),
                rs.getLong("version"));
    }
}
