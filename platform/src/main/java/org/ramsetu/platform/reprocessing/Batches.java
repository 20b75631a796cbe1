package org.ramsetu.platform.reprocessing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.records.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Re-processing batches and the model versions last seen, in PostgreSQL (V170). */
public class Batches {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, organ, reason, model_version, previous_version, policy_id, state, requested_by,
            created_at, started_at, finished_at, match_runs_total, allocation_runs_total,
            match_runs_done, allocation_runs_done, runs_written, rankings_changed, top_changed,
            runs_skipped, correlated_runs, correlation_sum, correlation_min, rank_shift_sum, error
            """;

    /** Which list of open runs a counter belongs to. */
    enum Kind {
        MATCH,
        ALLOCATION
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public Batches(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a new batch.
     *
     * @param modelVersion the version to rank with, or null to take the one served when it starts
     * @param state {@code REQUESTED} (the model watch schedules it) or {@code SCHEDULED}
     */
    public Batch create(
            Organ organ,
            String reason,
            String modelVersion,
            String previousVersion,
            String state,
            String requestedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into reprocessing_batch (id, organ, reason, model_version,
                            previous_version, state, requested_by, created_at)
                        values (:id, :organ, :reason, :version, :previous, :state, :by, :at)
                        """)
                .param("id", id)
                .param("organ", organ.name())
                .param("reason", reason)
                .param("version", modelVersion)
                .param("previous", previousVersion)
                .param("state", state)
                .param("by", requestedBy)
                .param("at", Sql.timestamp(Sql.now(clock)))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<Batch> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from reprocessing_batch where id = :id")
                .param("id", id)
                .query(Batches::batch)
                .optional();
    }

    /** The newest batches first. */
    public List<Batch> newest(int limit) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from reprocessing_batch order by created_at desc, id desc"
                                + " limit :limit")
                .param("limit", limit)
                .query(Batches::batch)
                .list();
    }

    /** Batches the CLI asked for, oldest first, locked for the caller's transaction. */
    List<Batch> requested() {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from reprocessing_batch where state = 'REQUESTED'"
                                + " order by created_at for update skip locked")
                .query(Batches::batch)
                .list();
    }

    void scheduled(UUID id) {
        jdbc.sql("update reprocessing_batch set state = 'SCHEDULED' where id = :id")
                .param("id", id)
                .update();
    }

    /**
     * Marks the batch running; on its first start also fixes the version it ranks with, the policy
     * and how many open runs there are (a resumed batch keeps the first figures).
     */
    void started(UUID id, String modelVersion, String policyId, int matchRuns, int allocationRuns) {
        jdbc.sql(
                        """
                        update reprocessing_batch set state = 'RUNNING', error = null,
                            model_version = coalesce(model_version, :version),
                            policy_id = coalesce(policy_id, :policy),
                            match_runs_total = case when started_at is null then :match
                                else match_runs_total end,
                            allocation_runs_total = case when started_at is null then :allocation
                                else allocation_runs_total end,
                            started_at = coalesce(started_at, :at)
                        where id = :id
                        """)
                .param("id", id)
                .param("version", modelVersion)
                .param("policy", policyId)
                .param("match", matchRuns)
                .param("allocation", allocationRuns)
                .param("at", Sql.timestamp(Sql.now(clock)))
                .update();
    }

    /** One run ranked again and written, with how its ranking moved. */
    void written(UUID id, Kind kind, RankComparison c) {
        jdbc.sql(
                        """
                        update reprocessing_batch set
                            match_runs_done = match_runs_done + :match,
                            allocation_runs_done = allocation_runs_done + :allocation,
                            runs_written = runs_written + 1,
                            rankings_changed = rankings_changed + :changed,
                            top_changed = top_changed + :top,
                            correlated_runs = correlated_runs + :correlated,
                            correlation_sum = correlation_sum + :rho,
                            correlation_min = case when :correlated = 0 then correlation_min
                                else least(coalesce(correlation_min, :rho), :rho) end,
                            rank_shift_sum = rank_shift_sum + :shift
                        where id = :id
                        """)
                .param("id", id)
                .param("match", kind == Kind.MATCH ? 1 : 0)
                .param("allocation", kind == Kind.ALLOCATION ? 1 : 0)
                .param("changed", c.changed() ? 1 : 0)
                .param("top", c.topChanged() ? 1 : 0)
                .param("correlated", c.spearman() == null ? 0 : 1)
                .param("rho", c.spearman() == null ? 0.0 : c.spearman())
                .param("shift", c.meanAbsoluteShift())
                .update();
    }

    /** One open run passed over. */
    void skipped(UUID id, Kind kind) {
        jdbc.sql(
                        """
                        update reprocessing_batch set
                            match_runs_done = match_runs_done + :match,
                            allocation_runs_done = allocation_runs_done + :allocation,
                            runs_skipped = runs_skipped + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("match", kind == Kind.MATCH ? 1 : 0)
                .param("allocation", kind == Kind.ALLOCATION ? 1 : 0)
                .update();
    }

    void finished(UUID id) {
        jdbc.sql(
                        "update reprocessing_batch set state = 'SUCCEEDED', finished_at = :at,"
                                + " error = null where id = :id")
                .param("id", id)
                .param("at", Sql.timestamp(Sql.now(clock)))
                .update();
    }

    /** The attempt failed; the scheduler tries the batch again from its checkpoint. */
    void failed(UUID id, String error) {
        jdbc.sql("update reprocessing_batch set state = 'FAILED', error = :error where id = :id")
                .param("id", id)
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .update();
    }

    /** The version last seen served for the organ, locked for the caller's transaction. */
    Optional<String> seenVersion(Organ organ) {
        return jdbc.sql(
                        "select model_version from model_version_seen where organ = :organ for update")
                .param("organ", organ.name())
                .query(String.class)
                .optional();
    }

    void see(Organ organ, String version) {
        jdbc.sql(
                        """
                        insert into model_version_seen (organ, model_version, seen_at)
                        values (:organ, :version, :at)
                        on conflict (organ) do update
                            set model_version = excluded.model_version, seen_at = excluded.seen_at
                        """)
                .param("organ", organ.name())
                .param("version", version)
                .param("at", Sql.timestamp(Sql.now(clock)))
                .update();
    }

    private static Batch batch(ResultSet rs, int row) throws SQLException {
        int correlated = rs.getInt("correlated_runs");
        int written = rs.getInt("runs_written");
        double minimum = rs.getDouble("correlation_min");
        boolean noMinimum = rs.wasNull();
        return new Batch(
                rs.getObject("id", UUID.class),
                Organ.valueOf(rs.getString("organ")),
                rs.getString("reason"),
                rs.getString("model_version"),
                rs.getString("previous_version"),
                rs.getString("policy_id"),
                rs.getString("state"),
                rs.getString("requested_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "started_at"),
                Sql.instant(rs, "finished_at"),
                rs.getInt("match_runs_total"),
                rs.getInt("allocation_runs_total"),
                rs.getInt("match_runs_done"),
                rs.getInt("allocation_runs_done"),
                written,
                rs.getInt("rankings_changed"),
                rs.getInt("top_changed"),
                rs.getInt("runs_skipped"),
                correlated,
                correlated == 0 ? null : rs.getDouble("correlation_sum") / correlated,
                noMinimum ? null : minimum,
                written == 0 ? null : rs.getDouble("rank_shift_sum") / written,
                rs.getString("error"));
    }
}
