package org.ramsetu.platform.coordination;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.ramsetu.infra.database.ReplicaReads;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinators' dashboard figures, counted by the database in one read-only pass per table.
 * Blood groups are ABO only: Rh is no allocation criterion (docs/domain.md). Counted on the replica
 * when one keeps up ({@link ReplicaReads}): figures seconds old are as good as current ones here.
 */
public class RegistryStatistics {

    private final ReplicaReads reads;
    private final Clock clock;

    private final OperationsStatistics operations;

    public RegistryStatistics(ReplicaReads reads, Clock clock, OperationsStatistics operations) {
        this.reads = reads;
        this.clock = clock;
        this.operations = operations;
    }

    public record PledgeCount(String organ, String bloodGroup, String status, long count) {}

    public record RequestCount(String organ, String status, long count) {}

    /** Waiting requests of one organ and ABO group, with how long they have waited (days). */
    public record WaitingList(
            String organ,
            String bloodGroup,
            long waiting,
            double medianWaitDays,
            double longestWaitDays) {}

    /**
     * @param matchOutcomes matches created per day of the last 30, by their status now
     * @param matchRuns match runs per day of the last 30, with how many were degraded
     * @param queues the depth of each job queue (work waiting for a worker)
     */
    public record Stats(
            Instant generatedAt,
            List<PledgeCount> pledges,
            List<RequestCount> requests,
            List<WaitingList> waitingList,
            long documentsAwaitingReview,
            List<OperationsStatistics.MatchOutcome> matchOutcomes,
            List<OperationsStatistics.RunsPerDay> matchRuns,
            List<OperationsStatistics.QueueDepth> queues) {}

    public Stats current() {
        Instant now = clock.instant();
        JdbcClient jdbc = reads.jdbc();
        List<PledgeCount> pledges =
                jdbc.sql(
                                """
                                select p.organ, rtrim(coalesce(d.blood_group, '?'), '+-') as abo,
                                    p.status, count(*) as n
                                from pledge p left join donor_profile d on d.account_id = p.donor_id
                                group by 1, 2, 3 order by 1, 2, 3
                                """)
                        .query(
                                (rs, i) ->
                                        new PledgeCount(
                                                rs.getString(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getLong(4)))
                        .list();
        List<RequestCount> requests =
                jdbc.sql(
                                "select organ, status, count(*) from transplant_request group by 1,"
                                        + " 2 order by 1, 2")
                        .query(
                                (rs, i) ->
                                        new RequestCount(
                                                rs.getString(1), rs.getString(2), rs.getLong(3)))
                        .list();
        List<WaitingList> waiting =
                jdbc.sql(
                                """
                                select r.organ, rtrim(coalesce(p.blood_group, '?'), '+-') as abo,
                                    count(*) as n,
                                    percentile_cont(0.5) within group (order by
                                        extract(epoch from (cast(:now as timestamptz) - r.listed_at)))
                                        / 86400 as median_days,
                                    max(extract(epoch from (cast(:now as timestamptz) - r.listed_at)))
                                        / 86400 as longest_days
                                from transplant_request r
                                    left join patient_profile p on p.account_id = r.patient_id
                                where r.status = 'WAITING'
                                group by 1, 2 order by 1, 2
                                """)
                        .param("now", java.sql.Timestamp.from(now))
                        .query(
                                (rs, i) ->
                                        new WaitingList(
                                                rs.getString(1),
                                                rs.getString(2),
                                                rs.getLong(3),
                                                round(rs.getDouble(4)),
                                                round(rs.getDouble(5))))
                        .list();
        long documents =
                jdbc.sql("select count(*) from document where status = 'PENDING'")
                        .query(Long.class)
                        .single();
        return new Stats(
                now,
                pledges,
                requests,
                waiting,
                documents,
                operations.matchOutcomes(),
                operations.runsPerDay(),
                operations.queues());
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
