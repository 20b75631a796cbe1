package org.ramsetu.platform.allocation.runs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.ramsetu.core.organ.Organ;
import org.ramsetu.platform.rankingruns.LatestRunWalk;
import org.ramsetu.platform.rankingruns.OpenRun;
import org.ramsetu.platform.rankingruns.RunTrigger;
import org.ramsetu.platform.records.ListQuery;
import org.ramsetu.platform.records.PageRequest;
import org.ramsetu.platform.records.Sql;
import org.ramsetu.platform.registry.ListingStatuses;
import org.ramsetu.platform.registry.pledges.PledgeId;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Allocation runs in PostgreSQL: inserted once, read back whole. */
public class AllocationRuns {

    /** Named, not "*": a column a later release adds changes nothing this release reads. */
    private static final String COLUMNS =
            """
            id, pledge_id, donor_id, organ, pledge_version, donation_case_id,
            donation_case_version, created_at, created_by, trigger,
            degraded, degraded_cause, model_version, policy_id, policy_sha256, policy,
            formula_versions, donor_facts, settings, rescored_from, waiting_count, candidate_count,
            excluded_count, exclusion_counts, candidates, excluded, duration_ms, timings
            """;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};
    private static final TypeReference<java.util.LinkedHashMap<String, Long>> TIMINGS =
            new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ListingStatuses statuses;

    /**
     * The latest run of each pledge of an organ, in pledge order, and whether it is stale: not
     * degraded (the re-scoring job replaces those) and, after a model change, ranked with another
     * model than {@code version}, after a policy change, under another policy than {@code policy}.
     * Whether the pledge is still verified is the registry's answer ({@link ListingStatuses}).
     */
    private static final String LATEST_RUNS =
            """
            select latest.pledge_id, latest.id,
                not latest.degraded
                    and (case when cast(:policy as varchar) is null
                             then latest.model_version is distinct from cast(:version as varchar)
                         else latest.policy_id <> cast(:policy as varchar) end) as stale
            from (select distinct on (a.pledge_id) a.pledge_id, a.id, a.model_version,
                      a.degraded, a.policy_id
                  from allocation_run a
                  where a.organ = :organ and a.pledge_id > :after
                  order by a.pledge_id, a.created_at desc, a.id desc
                  limit :size) latest
            order by latest.pledge_id
            """;

    public AllocationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.statuses = new ListingStatuses(jdbc);
    }

    /**
     * @throws org.springframework.dao.DuplicateKeyException when {@code run.rescoredFrom()} was
     *     re-scored already
     */
    void insert(AllocationRun run) {
        insert(run, null, null);
    }

    /**
     * @param reprocessedFrom for a {@code REPROCESSED} run, the run it ranked again; else null
     * @param batch for a {@code REPROCESSED} run, the re-processing batch; else null
     */
    void insert(AllocationRun run, UUID reprocessedFrom, UUID batch) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", run.id());
        v.put("pledge", run.pledgeId());
        v.put("donor", run.donorAccountId());
        v.put("organ", run.organ().name());
        v.put("pledgeVersion", run.pledgeVersion());
        v.put("case", run.donationCaseId());
        v.put("caseVersion", run.donationCaseVersion());
        v.put("created", Sql.timestamp(run.createdAt()));
        v.put("by", run.createdBy());
        v.put("trigger", run.trigger().name());
        v.put("degraded", run.degraded());
        v.put("cause", run.degradedCause());
        v.put("model", run.modelVersion());
        v.put("policyId", run.policyId());
        v.put("sha", run.policySha256());
        v.put("policy", run.policyJson());
        v.put("formulas", JSON.writeValueAsString(run.formulaVersions()));
        v.put("donorFacts", JSON.writeValueAsString(run.donor()));
        v.put("settings", JSON.writeValueAsString(run.settings()));
        v.put("rescoredFrom", run.rescoredFrom());
        v.put("waiting", run.waitingCount());
        v.put("candidateCount", run.candidateCount());
        v.put("excludedCount", run.excludedCount());
        v.put("counts", JSON.writeValueAsString(run.exclusionCounts()));
        v.put("candidates", run.candidates());
        v.put("excluded", run.excluded());
        v.put("duration", run.durationMillis());
        v.put("timings", JSON.writeValueAsString(run.timings()));
        jdbc.sql(
                        """
                        insert into allocation_run (id, pledge_id, donor_id, organ, pledge_version,
                            donation_case_id, donation_case_version, created_at, created_by,
                            trigger, degraded, degraded_cause,
                            model_version, policy_id, policy_sha256, policy, formula_versions,
                            donor_facts, settings, rescored_from, waiting_count, candidate_count,
                            excluded_count, exclusion_counts, candidates, excluded, duration_ms,
                            timings)
                        values (:id, :pledge, :donor, :organ, :pledgeVersion, :case, :caseVersion,
                            :created, :by,
                            :trigger, :degraded, :cause, :model, :policyId, :sha,
                            cast(:policy as jsonb), cast(:formulas as jsonb),
                            cast(:donorFacts as jsonb), cast(:settings as jsonb), :rescoredFrom,
                            :waiting, :candidateCount, :excludedCount, cast(:counts as jsonb),
                            :candidates, :excluded, :duration, cast(:timings as jsonb))
                        """)
                .params(v)
                .update();
        if (batch != null) {
            jdbc.sql(
                            """
                            insert into allocation_run_reprocessing (run_id, reprocessed_from,
                                batch_id)
                            values (:id, :reprocessedFrom, :batch)
                            """)
                    .param("id", run.id())
                    .param("reprocessedFrom", reprocessedFrom)
                    .param("batch", batch)
                    .update();
        }
    }

    public Optional<AllocationRun> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from allocation_run where id = :id")
                .param("id", id)
                .query(AllocationRuns::run)
                .optional();
    }

    /** The run's ranked requests, best first: the order its organ is offered in. */
    public List<UUID> requestOrder(AllocationRun run) {
        return RunCodec.requestOrder(run.candidates());
    }

    /**
     * Who may be told that a run exists, for object-level checks.
     *
     * @param donor the donor whose pledge the run allocated; null for a donation case's organ
     */
    public record RunOwner(UUID runId, @Nullable UUID donor) {}

    /** The run's owner; empty for an unknown run. */
    public Optional<RunOwner> ownerOf(UUID runId) {
        return jdbc.sql("select id, donor_id from allocation_run where id = :id")
                .param("id", runId)
                .query(
                        (rs, row) ->
                                new RunOwner(
                                        rs.getObject("id", UUID.class),
                                        rs.getObject("donor_id", UUID.class)))
                .optional();
    }

    /** A donation case's runs, newest first, without their lists. */
    List<CaseRunView> ofCase(UUID caseId) {
        ListQuery.Statement query = runsOf(caseId).toExportSql(CASE_RUN_COLUMNS, CASE_RUN_ORDER);
        return jdbc.sql(query.text()).params(query.params()).query(AllocationRuns::caseRun).list();
    }

    /** A page of them: up to {@code page.limit() + 1} rows after the cursor. */
    List<CaseRunView> ofCase(UUID caseId, PageRequest page) {
        ListQuery.Statement query =
                runsOf(caseId)
                        .after("created_at", "id", page.after())
                        .toSql(CASE_RUN_COLUMNS, CASE_RUN_ORDER, page.limit());
        return jdbc.sql(query.text()).params(query.params()).query(AllocationRuns::caseRun).list();
    }

    long countOfCase(UUID caseId) {
        return jdbc.sql("select count(*) from allocation_run where donation_case_id = :case")
                .param("case", caseId)
                .query(Long.class)
                .single();
    }

    /** Whether the case has a run of the organ: its history is written once per organ. */
    boolean hasRunOf(UUID caseId, String organ) {
        return jdbc.sql(
                        "select exists (select 1 from allocation_run"
                                + " where donation_case_id = :case and organ = :organ)")
                .param("case", caseId)
                .param("organ", organ)
                .query(Boolean.class)
                .single();
    }

    private static ListQuery runsOf(UUID caseId) {
        // A filter without a value is left out of a ListQuery: no case must not mean every case.
        return new ListQuery()
                .filter("donation_case_id = :case", "case", Objects.requireNonNull(caseId));
    }

    private static final String CASE_RUN_COLUMNS =
            "select id, organ, created_at, trigger, degraded, candidate_count, excluded_count"
                    + " from allocation_run";
    private static final String CASE_RUN_ORDER = "created_at desc, id desc";

    private static CaseRunView caseRun(ResultSet rs, int row) throws SQLException {
        return new CaseRunView(
                rs.getObject("id", UUID.class),
                rs.getString("organ"),
                Sql.instant(rs, "created_at"),
                rs.getString("trigger"),
                rs.getBoolean("degraded"),
                rs.getInt("candidate_count"),
                rs.getInt("excluded_count"));
    }

    /** The run that re-scored a degraded run, if one was written. */
    public Optional<UUID> rescoredBy(UUID runId) {
        return jdbc.sql("select id from allocation_run where rescored_from = :id")
                .param("id", runId)
                .query(UUID.class)
                .optional();
    }

    private static AllocationRun run(ResultSet rs, int row) throws SQLException {
        return new AllocationRun(
                rs.getObject("id", UUID.class),
                rs.getObject("pledge_id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                Organ.valueOf(rs.getString("organ")),
                rs.getObject("pledge_version", Long.class),
                rs.getObject("donation_case_id", UUID.class),
                rs.getObject("donation_case_version", Long.class),
                Sql.instant(rs, "created_at"),
                rs.getObject("created_by", UUID.class),
                RunTrigger.valueOf(rs.getString("trigger")),
                rs.getBoolean("degraded"),
                rs.getString("degraded_cause"),
                rs.getString("model_version"),
                rs.getString("policy_id"),
                rs.getString("policy_sha256"),
                rs.getString("policy"),
                JSON.readValue(rs.getString("formula_versions"), STRINGS),
                JSON.readValue(rs.getString("donor_facts"), DonorFacts.class),
                JSON.readValue(rs.getString("settings"), RunSettings.class),
                rs.getObject("rescored_from", UUID.class),
                rs.getInt("waiting_count"),
                rs.getInt("candidate_count"),
                rs.getInt("excluded_count"),
                JSON.readValue(rs.getString("exclusion_counts"), COUNTS),
                rs.getBytes("candidates"),
                rs.getBytes("excluded"),
                rs.getLong("duration_ms"),
                JSON.readValue(rs.getString("timings"), TIMINGS));
    }

    /**
     * Up to {@code limit} open runs of the organ after {@code after} (null: from the first): the
     * latest run of each {@code VERIFIED} pledge (still to be given: an approved match makes it
     * {@code DONATED}, so its waiting list still matters), unless degraded, or already ranked with
     * the model {@code version} or, after a policy change, under the active {@code policy}.
     *
     * @param policy after a policy change, the active policy (runs under another one are open);
     *     null after a model change
     */
    List<OpenRun> open(Organ organ, String version, String policy, UUID after, int limit) {
        return LatestRunWalk.open(latest(organ, version, policy), this::verified, after, limit)
                .stream()
                .map(run -> new OpenRun(run.listing(), run.run()))
                .toList();
    }

    int countOpen(Organ organ, String version, String policy) {
        return LatestRunWalk.count(latest(organ, version, policy), this::verified);
    }

    private LatestRunWalk.LatestRuns latest(Organ organ, String version, String policy) {
        return (after, size) ->
                jdbc.sql(LATEST_RUNS)
                        .param("organ", organ.name())
                        .param("after", after)
                        .param("version", version)
                        .param("policy", policy)
                        .param("size", size)
                        .query(LatestRunWalk.LatestRun::of)
                        .list();
    }

    private Set<UUID> verified(Set<UUID> pledges) {
        return statuses.verified(pledges.stream().map(PledgeId::new).toList()).stream()
                .map(PledgeId::value)
                .collect(Collectors.toSet());
    }
}
