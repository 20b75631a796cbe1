package org.ramsetu.platform.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ramsetu.infra.database.ReplicaReads;

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
}
