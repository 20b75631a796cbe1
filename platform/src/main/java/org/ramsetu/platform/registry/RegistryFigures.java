package org.ramsetu.platform.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.ramsetu.infra.database.ReplicaReads;

/**
 * The registry's figures for the coordinators' dashboard, counted by the database in one read-only
 * pass per table. Blood groups are ABO only: Rh is no allocation criterion (docs/domain.md).
 * Counted on the replica when one keeps up ({@link ReplicaReads}): figures seconds old are as good
 * as current ones here.
 */
public class RegistryFigures {

    public record PledgeCount(String organ, String bloodGroup, String status, long count) {}

    public record RequestCount(String organ, String status, long count) {}

    /** Waiting requests of one organ and ABO group, with how long they have waited (days). */
    public record WaitingList(
            String organ,
            String bloodGroup,
            long waiting,
            double medianWaitDays,
            double longestWaitDays) {}

    private final ReplicaReads reads;

    public RegistryFigures(ReplicaReads reads) {
        this.reads = reads;
    }

    /** Pledges by organ, the donor's ABO group ({@code ?} before a profile) and status. */
    public List<PledgeCount> pledges() {
        return reads.jdbc()
                .sql(
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
    }

    /** Transplant requests by organ and status. */
    public List<RequestCount> requests() {
        return reads.jdbc()
                .sql(
                        "select organ, status, count(*) from transplant_request group by 1,"
                                + " 2 order by 1, 2")
                .query((rs, i) -> new RequestCount(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The waiting list by organ and the patient's ABO group, with waits as of {@code now}. */
    public List<WaitingList> waitingList(Instant now) {
        return reads.jdbc()
                .sql(
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
                .param("now", Timestamp.from(now))
                .query(
                        (rs, i) ->
                                new WaitingList(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getLong(3),
                                        round(rs.getDouble(4)),
                                        round(rs.getDouble(5))))
                .list();
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
