package org.ramsetu.infra.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads db-scheduler's table for the operations endpoint and the metrics. */
final class ScheduledRows {

    private final JdbcClient jdbc;

    ScheduledRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per task: executions waiting or running, the next due, the oldest overdue, failures. */
    record TaskSummary(
            String task,
            long pending,
            long running,
            Instant nextDue,
            Instant oldestWaitingDue,
            int consecutiveFailures,
            Instant lastSuccess,
            Instant lastFailure) {}

    List<TaskSummary> summaries() {
        return jdbc.sql(
                        "select task_name, count(*) filter (where not picked),"
                                + " count(*) filter (where picked),"
                                + " min(execution_time) filter (where not picked),"
                                + " min(execution_time) filter (where not picked),"
                                + " coalesce(max(consecutive_failures), 0), max(last_success),"
                                + " max(last_failure) from scheduled_tasks group by task_name"
                                + " order by task_name")
                .query(
                        (rs, n) ->
                                new TaskSummary(
                                        rs.getString(1),
                                        rs.getLong(2),
                                        rs.getLong(3),
                                        instant(rs, 4),
                                        instant(rs, 5),
                                        rs.getInt(6),
                                        instant(rs, 7),
                                        instant(rs, 8)))
                .list();
    }

    record Execution(
            String task,
            String instance,
            Instant due,
            boolean picked,
            String pickedBy,
            Instant lastHeartbeat,
            int consecutiveFailures) {}

    List<Execution> executions(String task, int limit) {
        return jdbc.sql(
                        "select task_name, task_instance, execution_time, picked, picked_by,"
                                + " last_heartbeat, coalesce(consecutive_failures, 0)"
                                + " from scheduled_tasks where task_name = ?"
                                + " order by picked desc, execution_time, task_instance limit ?")
                .params(task, limit)
                .query(
                        (rs, n) ->
                                new Execution(
                                        rs.getString(1),
                                        rs.getString(2),
                                        instant(rs, 3),
                                        rs.getBoolean(4),
                                        rs.getString(5),
                                        instant(rs, 6),
                                        rs.getInt(7)))
                .list();
    }

    /** Moves a waiting execution to {@code at}; false when it is running or absent. */
    boolean moveWaiting(String task, String instance, Instant at) {
        return jdbc.sql(
                                "update scheduled_tasks set execution_time = ?, version = version + 1"
                                        + " where task_name = ? and task_instance = ? and not picked")
                        .params(Timestamp.from(at), task, instance)
                        .update()
                == 1;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
