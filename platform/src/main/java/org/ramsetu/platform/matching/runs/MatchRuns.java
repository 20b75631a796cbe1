package org.ramsetu.platform.matching.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.rankingruns.LatestRunWalk;
import org.ramsetu.platform.rankingruns.OpenRun;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.ListingStatuses;
import org.ramsetu.platform.registry.requests.RequestId;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Match runs in PostgreSQL: inserted once, read back by the head of their lists. The lists are kept
 * whole, in one of two forms told apart by their first byte: compressed JSON ({@link
 * CompressedList}, every run before compact lists and every run while the flag {@code
 * matching.compact-run-lists} is off) or compact rows ({@link CompactRunLists}). This release reads
 * both and writes JSON unless the flag says otherwise, so that the release before it, which reads
 * only JSON, can run beside it during a rollout or be rolled back to (docs/adr/0035).
 */
public class MatchRuns {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, request_id, patient_id, organ, request_version, created_at, created_by, trigger,
            degraded, degraded_cause, model_version, policy_version, formula_versions,
            rescored_from, settings, candidate_count, excluded_count, candidates, excluded,
            counted, duration_ms
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, Integer>> COUNTS =
            new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final BooleanSupplier compactLists;
    private final ListingStatuses statuses;

    /**
     * The latest run of each request of an organ, in request order, and whether it is stale: not
     * degraded (the re-scoring job replaces those) and ranked with another model than {@code
     * version}. Whether the request still waits is the registry's answer ({@link ListingStatuses}).
     */
    private static final String LATEST_RUNS =
            """
            select latest.request_id, latest.id,
                not latest.degraded
                    and latest.model_version is distinct from cast(:version as varchar) as stale
            from (select distinct on (m.request_id) m.request_id, m.id, m.model_version,
                      m.degraded
                  from match_run m
                  where m.organ = :organ and m.request_id > :after
                  order by m.request_id, m.created_at desc, m.id desc
                  limit :size) latest
            order by latest.request_id
            """;

    /**
     * @param compactLists asked at each insert: whether to write the lists compact (else JSON)
     */
    public MatchRuns(JdbcClient jdbc, BooleanSupplier compactLists) {
        this.jdbc = jdbc;
        this.compactLists = compactLists;
        this.statuses = new ListingStatuses(jdbc);
    }

    /**
     * @param calc the calculation the run records, whose lists a compact run writes directly
     * @throws org.springframework.dao.DuplicateKeyException when {@code run.rescoredFrom()} was
     *     re-scored already
     */
    void insert(MatchRun run, Calculation calc, UUID patientId) {
        insert(run, calc, patientId, null, null);
    }

    /**
     * @param reprocessedFrom for a {@code REPROCESSED} run, the run it ranked again; else null
     * @param batch for a {@code REPROCESSED} run, the re-processing batch; else null
     * @throws org.springframework.dao.DuplicateKeyException when the batch wrote this already
     */
    void insert(MatchRun run, Calculation calc, UUID patientId, UUID reprocessedFrom, UUID batch) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", run.id());
        v.put("request", run.requestId());
        v.put("patient", patientId);
        v.put("organ", run.organ().name());
        v.put("requestVersion", run.requestVersion());
        v.put("created", Sql.timestamp(run.createdAt()));
        v.put("by", run.createdBy());
        v.put("trigger", run.trigger().name());
        v.put("degraded", run.degraded());
        v.put("cause", run.degradedCause());
        v.put("model", run.modelVersion());
        v.put("policy", run.policyVersion());
        v.put("formulas", JSON.writeValueAsString(run.formulaVersions()));
        v.put("rescoredFrom", run.rescoredFrom());
        v.put("settings", JSON.writeValueAsString(run.settings()));
        v.put("candidateCount", run.candidateCount());
        v.put("excludedCount", run.excludedCount());
        if (compactLists.getAsBoolean()) {
            v.put("candidates", CompactRunLists.candidates(calc));
            v.put("excluded", CompactRunLists.exclusions(calc.ranking().excluded()));
        } else {
            v.put("candidates", CompressedList.of(run.candidates()));
            v.put("excluded", CompressedList.of(run.excluded()));
        }
        v.put("counted", run.counted() == null ? null : JSON.writeValueAsString(run.counted()));
        v.put("duration", run.durationMillis());
        jdbc.sql(
                        """
                        insert into match_run (id, request_id, patient_id, organ, request_version,
                            created_at, created_by, trigger, degraded, degraded_cause,
                            model_version, policy_version, formula_versions, rescored_from,
                            settings, candidate_count, excluded_count, candidates, excluded,
                            counted, duration_ms)
                        values (:id, :request, :patient, :organ, :requestVersion, :created, :by,
                            :trigger, :degraded, :cause, :model, :policy, cast(:formulas as jsonb),
                            :rescoredFrom, cast(:settings as jsonb), :candidateCount,
                            :excludedCount, :candidates, :excluded, cast(:counted as jsonb),
                            :duration)
                        """)
                .params(v)
                .update();
        if (batch != null) {
            jdbc.sql(
                            """
                            insert into match_run_reprocessing (run_id, reprocessed_from, batch_id)
                            values (:id, :reprocessedFrom, :batch)
                            """)
                    .param("id", run.id())
                    .param("reprocessedFrom", reprocessedFrom)
                    .param("batch", batch)
                    .update();
        }
    }

    /**
     * The run with at most {@code candidates} of its ranked candidates and {@code excluded} of its
     * exclusions (the head of each list: only that much is decompressed and parsed).
     */
    public Optional<MatchRun> find(UUID id, int candidates, int excluded) {
        return find(id, 1, candidates, excluded);
    }

    /**
     * The run with at most {@code candidates} of its ranked candidates from rank {@code fromRank}
     * on (the list is parsed down to the last of them) and {@code excluded} of its exclusions.
     */
    public Optional<MatchRun> find(UUID id, int fromRank, int candidates, int excluded) {
        return jdbc.sql("select " + COLUMNS + " from match_run where id = :id")
                .param("id", id)
                .query((rs, row) -> run(rs, fromRank, candidates, excluded))
                .optional();
    }

    /** A run's request and the pledges it ranked, best first. */
    record RankedPledges(UUID requestId, String modelVersion, List<UUID> order) {}

    /** Decompresses the ranked list only as far as each entry's pledge id. */
    Optional<RankedPledges> rankedPledges(UUID runId) {
        return jdbc.sql(
                        "select request_id, model_version, candidates from match_run where id = :id")
                .param("id", runId)
                .query(
                        (rs, row) ->
                                new RankedPledges(
                                        rs.getObject("request_id", UUID.class),
                                        rs.getString("model_version"),
                                        pledgeOrder(rs.getBytes("candidates"))))
                .optional();
    }

    private static final String SUMMARY_COLUMNS =
            "id, request_id, created_at, trigger, created_by, degraded, model_version,"
                    + " policy_version, candidate_count, excluded_count, rescored_from";

    /**
     * A page of a request's runs, newest first, from its index ({@code match_run_request_idx}); up
     * to {@code page.limit() + 1}, so the caller knows whether more follow.
     */
    List<MatchRunSummary> ofRequest(UUID requestId, PageRequest page) {
        ListQuery.Statement query =
                new ListQuery()
                        .filter("request_id = :request", "request", requestId)
                        .after("created_at", "id", page.after())
                        .toSql(
                                "select " + SUMMARY_COLUMNS + " from match_run",
                                "created_at desc, id desc",
                                page.limit());
        return jdbc.sql(query.text())
                .params(query.params())
                .query(
                        (rs, row) ->
                                new MatchRunSummary(
                                        rs.getObject("id", UUID.class),
                                        rs.getObject("request_id", UUID.class),
                                        Sql.instant(rs, "created_at"),
                                        rs.getString("trigger"),
                                        rs.getObject("created_by", UUID.class),
                                        rs.getBoolean("degraded"),
                                        rs.getString("model_version"),
                                        rs.getString("policy_version"),
                                        rs.getInt("candidate_count"),
                                        rs.getInt("excluded_count"),
                                        rs.getObject("rescored_from", UUID.class)))
                .list();
    }

    /** How many runs a request has: its list's "n of total". */
    long countOfRequest(UUID requestId) {
        return jdbc.sql("select count(*) from match_run where request_id = :request")
                .param("request", requestId)
                .query(Long.class)
                .single();
    }

    /** The patient whose request a run ranked, for object-level checks. */
    public Optional<UUID> patientOf(UUID runId) {
        return jdbc.sql("select patient_id from match_run where id = :id")
                .param("id", runId)
                .query(UUID.class)
                .optional();
    }

    /**
     * Whether a later run for the same request proposed instead of this one (a coordinator's run or
     * the re-scoring of this one): its proposals replaced this run's. Re-processing runs propose
     * nothing and do not count.
     */
    boolean replacedByNewerRun(MatchRun run) {
        return jdbc.sql(
                        """
                        select exists (select 1 from match_run
                            where request_id = :request and created_at >= :created and id <> :id
                                and trigger in ('COORDINATOR', 'RESCORING'))
                        """)
                .param("request", run.requestId())
                .param("created", Sql.timestamp(run.createdAt()))
                .param("id", run.id())
                .query(Boolean.class)
                .single();
    }

    /** The run that re-scored a degraded run, if one was written. */
    public Optional<UUID> rescoredBy(UUID runId) {
        return jdbc.sql("select id from match_run where rescored_from = :id")
                .param("id", runId)
                .query(UUID.class)
                .optional();
    }

    private static MatchRun run(ResultSet rs, int fromRank, int candidates, int excluded)
            throws SQLException {
        return new MatchRun(
                rs.getObject("id", UUID.class),
                rs.getObject("request_id", UUID.class),
                Organ.valueOf(rs.getString("organ")),
                rs.getLong("request_version"),
                Sql.instant(rs, "created_at"),
                rs.getObject("created_by", UUID.class),
                RunTrigger.valueOf(rs.getString("trigger")),
                rs.getBoolean("degraded"),
                rs.getString("degraded_cause"),
                rs.getString("model_version"),
                rs.getString("policy_version"),
                JSON.readValue(rs.getString("formula_versions"), STRINGS),
                rs.getObject("rescored_from", UUID.class),
                JSON.readValue(rs.getString("settings"), RunSettings.class),
                rs.getInt("candidate_count"),
                rs.getInt("excluded_count"),
                from(
                        candidates(
                                rs.getBytes("candidates"),
                                fromRank - 1 + candidates,
                                rs.getObject("request_id", UUID.class),
                                rs.getBoolean("degraded")),
                        fromRank),
                exclusions(rs.getBytes("excluded"), excluded),
                counted(rs.getString("counted")),
                rs.getLong("duration_ms"));
    }

    /** The candidates from rank {@code fromRank} on, of a head read down to the last asked for. */
    private static List<RunCandidate> from(List<RunCandidate> head, int fromRank) {
        return fromRank > head.size() ? List.of() : head.subList(fromRank - 1, head.size());
    }

    private static boolean compact(byte[] stored) {
        return stored.length > 0 && stored[0] == CompactRunLists.FORMAT;
    }

    private static List<RunCandidate> candidates(
            byte[] stored, int limit, UUID requestId, boolean degraded) {
        return compact(stored)
                ? CompactRunLists.candidates(stored, limit, requestId, degraded)
                : CompressedList.head(stored, limit, RunCandidate.class);
    }

    private static List<RunExclusion> exclusions(byte[] stored, int limit) {
        return compact(stored)
                ? CompactRunLists.exclusions(stored, limit)
                : CompressedList.head(stored, limit, RunExclusion.class);
    }

    private static List<UUID> pledgeOrder(byte[] stored) {
        return compact(stored)
                ? CompactRunLists.pledgeOrder(stored)
                : CompressedList.pledgeOrder(stored);
    }

    private static Map<String, Integer> counted(String json) {
        return json == null ? null : JSON.readValue(json, COUNTS);
    }

    /**
     * Up to {@code limit} open runs of the organ after {@code after} (null: from the first): the
     * latest run of each {@code WAITING} request, unless degraded or ranked with the model {@code
     * version} already. It is the ranking a coordinator would look at before deciding; older runs
     * of the request are history.
     */
    List<OpenRun> open(Organ organ, String version, UUID after, int limit) {
        return LatestRunWalk.open(latest(organ, version), this::waiting, after, limit).stream()
                .map(run -> new OpenRun(run.listing(), run.run()))
                .toList();
    }

    int countOpen(Organ organ, String version) {
        return LatestRunWalk.count(latest(organ, version), this::waiting);
    }

    private LatestRunWalk.LatestRuns latest(Organ organ, String version) {
        return (after, size) ->
                jdbc.sql(LATEST_RUNS)
                        .param("organ", organ.name())
                        .param("after", after)
                        .param("version", version)
                        .param("size", size)
                        .query(LatestRunWalk.LatestRun::of)
                        .list();
    }

    private Set<UUID> waiting(Set<UUID> requests) {
        return statuses.waiting(requests.stream().map(RequestId::new).toList()).stream()
                .map(RequestId::value)
                .collect(Collectors.toSet());
    }
}
