package org.ramsetu.platform.reprocessing;

import java.util.List;
import java.util.UUID;
import org.ramsetu.core.organ.Organ;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open runs of an organ that a batch ranks again, a chunk at a time in keyset order, so that a
 * batch never holds more than one chunk of ids whatever the registry's size.
 *
 * <ul>
 *   <li>An open match run is the latest run of a {@code WAITING} request: the ranking a coordinator
 *       would look at before deciding. Older runs of the request are history.
 *   <li>An open allocation run is the latest run of a {@code VERIFIED} pledge: the pledge is still
 *       to be given (an approved match makes it {@code DONATED}), so its waiting list still
 *       matters.
 * </ul>
 *
 * Degraded latest runs are left to the re-scoring job, which replaces each with a scored run. A run
 * counts as open for a batch while its model version differs from the batch's (after a policy
 * change: while its policy differs from the active one), so a run the batch wrote is no longer open
 * for it, and a resumed batch finds only what is left.
 */
class OpenRuns {

    /** One open run and its position in the walk (the request's or pledge's id). */
    record Open(UUID key, UUID runId) {}

    private static final String LATEST_MATCH_RUNS =
            """
            from (select distinct on (m.request_id) m.request_id, m.id, m.model_version,
                      m.degraded
                  from match_run m
                  where m.organ = :organ and m.request_id > :after
                  order by m.request_id, m.created_at desc, m.id desc) latest
            join transplant_request r on r.id = latest.request_id and r.status = 'WAITING'
            where not latest.degraded
              and latest.model_version is distinct from cast(:version as varchar)
            """;

    private static final String LATEST_ALLOCATION_RUNS =
            """
            from (select distinct on (a.pledge_id) a.pledge_id, a.id, a.model_version,
                      a.degraded, a.policy_id
                  from allocation_run a
                  where a.organ = :organ and a.pledge_id > :after
                  order by a.pledge_id, a.created_at desc, a.id desc) latest
            join pledge p on p.id = latest.pledge_id and p.status = 'VERIFIED'
            where not latest.degraded
              and (case when cast(:policy as varchar) is null
                       then latest.model_version is distinct from cast(:version as varchar)
                   else latest.policy_id <> cast(:policy as varchar) end)
            """;

    /** Before every id in PostgreSQL's order (it compares uuids as unsigned bytes). */
    private static final UUID FIRST = new UUID(0, 0);

    private final JdbcClient jdbc;

    OpenRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Open> matchRuns(Organ organ, String version, UUID after, int limit) {
        return jdbc.sql(
                        "select latest.request_id, latest.id "
                                + LATEST_MATCH_RUNS
                                + " order by latest.request_id limit :limit")
                .param("organ", organ.name())
                .param("after", after == null ? FIRST : after)
                .param("version", version)
                .param("limit", limit)
                .query(
                        (rs, i) ->
                                new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    int countMatchRuns(Organ organ, String version) {
        return jdbc.sql("select count(*) " + LATEST_MATCH_RUNS)
                .param("organ", organ.name())
                .param("after", FIRST)
                .param("version", version)
                .query(Integer.class)
                .single();
    }

    /**
     * @param policy after a policy change, the active policy (runs under another one are open);
     *     null after a model change
     */
    List<Open> allocationRuns(Organ organ, String version, String policy, UUID after, int limit) {
        return jdbc.sql(
                        "select latest.pledge_id, latest.id "
                                + LATEST_ALLOCATION_RUNS
                                + " order by latest.pledge_id limit :limit")
                .param("organ", organ.name())
                .param("after", after == null ? FIRST : after)
                .param("version", version)
                .param("policy", policy)
                .param("limit", limit)
                .query(
                        (rs, i) ->
                                new Open(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    int countAllocationRuns(Organ organ, String version, String policy) {
        return jdbc.sql("select count(*) " + LATEST_ALLOCATION_RUNS)
                .param("organ", organ.name())
                .param("after", FIRST)
                .param("version", version)
                .param("policy", policy)
                .query(Integer.class)
                .single();
    }
}
