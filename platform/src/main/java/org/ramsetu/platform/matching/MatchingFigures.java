package org.ramsetu.platform.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ramsetu.infra.database.ReplicaReads;
import org.ramsetu.platform.registry.requests.RequestId;

/**
 * Matching's figures for the coordinators' dashboard, counted by the database (the replica when one
 * keeps up, {@link ReplicaReads}): matches by the day they were proposed and their status now, and
 * match runs per day with how many were degraded.
 */
public class MatchingFigures {

    /** Matches created on a day, by their status now. */
    public record MatchOutcome(LocalDate day, String status, long count) {}

    /**
     * Match runs written on a day and how many of them were degraded (ranked without the model).
     */
    public record RunsPerDay(LocalDate day, long runs, long degraded) {}

    /** What puts a match in a month. */
    public enum Moment {
        /** Proposed to a coordinator (an offer), whatever became of it since. */
        OFFERED(
                """
                select organ, request_id, cast(null as varchar) as reason, count(*) as n
                  from match where created_at >= :from and created_at < :to
                 group by 1, 2, 3
                """),
        /** Approved by a coordinator. */
        APPROVED(
                """
                select organ, request_id, cast(null as varchar) as reason, count(*) as n
                  from match where status = 'APPROVED' and decided_at >= :from and decided_at < :to
                 group by 1, 2, 3
                """),
        /** Declined by a coordinator, with the reason given. */
        DECLINED(
                """
                select organ, request_id, decline_reason as reason, count(*) as n
                  from match where status = 'DECLINED' and decided_at >= :from and decided_at < :to
                 group by 1, 2, 3
                """);

        private final String sql;

        Moment(String sql) {
            this.sql = sql;
        }
    }

    /** Matches of one organ and request (and decline reason; null for the other moments). */
    public record Tally(String organ, RequestId request, String reason, long count) {}

    private final ReplicaReads reads;

    public MatchingFigures(ReplicaReads reads) {
        this.reads = reads;
    }

    /** Days in UTC from {@code since}'s, oldest first. */
    public List<MatchOutcome> matchOutcomes(Instant since) {
        return reads.jdbc()
                .sql(
                        """
                        select cast(created_at at time zone 'UTC' as date) as day, status, count(*)
                        from match where created_at >= :since group by 1, 2 order by 1, 2
                        """)
                .param("since", Timestamp.from(since))
                .query(
                        (rs, i) ->
                                new MatchOutcome(
                                        rs.getObject(1, LocalDate.class),
                                        rs.getString(2),
                                        rs.getLong(3)))
                .list();
    }

    /** Days in UTC from {@code since}'s, oldest first. */
    public List<RunsPerDay> runsPerDay(Instant since) {
        return reads.jdbc()
                .sql(
                        """
                        select cast(created_at at time zone 'UTC' as date) as day, count(*),
                            count(*) filter (where degraded)
                        from match_run where created_at >= :since group by 1 order by 1
                        """)
                .param("since", Timestamp.from(since))
                .query(
                        (rs, i) ->
                                new RunsPerDay(
                                        rs.getObject(1, LocalDate.class),
                                        rs.getLong(2),
                                        rs.getLong(3)))
                .list();
    }

    /** The matches a {@code moment} puts in {@code [from, to)}, by organ, request and reason. */
    public List<Tally> month(Moment moment, Instant from, Instant to) {
        return reads.jdbc()
                .sql(moment.sql)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(
                        (rs, i) ->
                                new Tally(
                                        rs.getString("organ"),
                                        new RequestId(rs.getObject("request_id", UUID.class)),
                                        rs.getString("reason"),
                                        rs.getLong("n")))
                .list();
    }
}
