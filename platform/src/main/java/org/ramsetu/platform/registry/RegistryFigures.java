package org.ramsetu.platform.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.platform.registry.requests.RequestId;
import org.ramsetu.platform.registry.requests.RequestStatus;
import org.springframework.jdbc.core.RowCallbackHandler;

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

    /** What puts a registry record in a month. */
    public enum Moment {
        /** A pledge, when it was made. */
        PLEDGED(
                """
                select p.organ, coalesce(p.donor_state, d.state) as state,
                       cast(null as varchar) as centre, count(*) as n
                  from pledge p left join donor_profile d on d.account_id = p.donor_id
                 where p.created_at >= :from and p.created_at < :to
                 group by 1, 2, 3
                """),
        /** A transplant request, when its patient was listed. */
        LISTED(
                Moment.REQUESTS
                        + " where r.listed_at >= :from and r.listed_at < :to group by 1, 2, 3"),
        /** A transplant request, when it changed to {@code TRANSPLANTED}. */
        TRANSPLANTED(
                Moment.REQUESTS
                        + """
                         where r.status = 'TRANSPLANTED'
                           and r.status_changed_at >= :from and r.status_changed_at < :to
                         group by 1, 2, 3
                        """);

        /** Requests placed at their patient's hospital. */
        private static final String REQUESTS =
                """
                select r.organ, coalesce(r.hospital_state, pp.hospital_state) as state,
                       pp.hospital_name as centre, count(*) as n
                  from transplant_request r
                  left join patient_profile pp on pp.account_id = r.patient_id
                """;

        private final String sql;

        Moment(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Records of one organ, state and centre; state and centre are null where unknown (donors have
     * no centre). The state is the donor's for pledges and the patient's hospital's otherwise.
     */
    public record Tally(String organ, String state, String centre, long count) {}

    /** Where a request's patient is treated, as reports place it; null where unknown. */
    public record Place(String state, String centre) {}

    /** Requests placed per round trip: a bound on the statement's parameters. */
    private static final int PLACES_PER_QUERY = 1_000;

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
                .query(
                        (rs, i) ->
                                new RequestCount(
                                        rs.getString(1),
                                        RequestStatus.ofStored(rs.getString(2)).name(),
                                        rs.getLong(3)))
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

    /** The records a {@code moment} puts in {@code [from, to)}, by organ, state and centre. */
    public List<Tally> month(Moment moment, Instant from, Instant to) {
        return reads.jdbc()
                .sql(moment.sql)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(
                        (rs, i) ->
                                new Tally(
                                        rs.getString("organ"),
                                        rs.getString("state"),
                                        rs.getString("centre"),
                                        rs.getLong("n")))
                .list();
    }

    /** Where each of {@code requests} is treated; an unknown request is left out. */
    public Map<RequestId, Place> placesOf(Collection<RequestId> requests) {
        Map<RequestId, Place> places = new HashMap<>();
        List<UUID> ids = requests.stream().map(RequestId::value).distinct().toList();
        for (int start = 0; start < ids.size(); start += PLACES_PER_QUERY) {
            reads.jdbc()
                    .sql(
                            """
                            select r.id, coalesce(r.hospital_state, pp.hospital_state) as state,
                                   pp.hospital_name as centre
                              from transplant_request r
                              left join patient_profile pp on pp.account_id = r.patient_id
                             where r.id in (:ids)
                            """)
                    .param(
                            "ids",
                            ids.subList(start, Math.min(ids.size(), start + PLACES_PER_QUERY)))
                    .query(
                            (RowCallbackHandler)
                                    rs ->
                                            places.put(
                                                    new RequestId(rs.getObject("id", UUID.class)),
                                                    new Place(
                                                            rs.getString("state"),
                                                            rs.getString("centre"))));
        }
        return places;
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
