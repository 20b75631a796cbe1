package org.ramsetu.infra.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RamSetu's record of scheduled work next to db-scheduler's table: one row per attempt ({@code
 * scheduled_work_run}) and one per execution ({@code scheduled_work_state}: progress, checkpoint,
 * completion).
 */
class WorkRuns {

    private final JdbcClient jdbc;

    WorkRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an attempt as RUNNING; an earlier attempt of the same execution still RUNNING can
     * only belong to a worker that died (db-scheduler hands a picked execution to another scheduler
     * only after its heartbeats stopped), so it is marked LOST.
     */
    long start(String task, String instance, Instant scheduledFor, String worker, Instant now) {
        markLost(task, instance, now);
        return jdbc.sql(
                        "insert into scheduled_work_run (task_name, task_instance, scheduled_for,"
                                + " worker, started_at, outcome) values (?, ?, ?, ?, ?, 'RUNNING')"
                                + " returning id")
                .params(
                        task,
                        instance,
                        Timestamp.from(scheduledFor),
                        truncate(worker, 200),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * Marks an attempt still RUNNING as LOST: its worker stopped sending heartbeats (the scheduler
     * that noticed calls this when it takes the execution over; a new attempt does it as well, in
     * case the noticing scheduler died first).
     */
    int markLost(String task, String instance, Instant now) {
        return jdbc.sql(
                        "update scheduled_work_run set outcome = 'LOST', finished_at = ?,"
                                + " error = 'its worker stopped sending heartbeats'"
                                + " where task_name = ? and task_instance = ? and outcome = 'RUNNING'")
                .params(Timestamp.from(now), task, instance)
                .update();
    }

    void finish(long runId, String outcome, String error, Instant now) {
        jdbc.sql(
                        "update scheduled_work_run set outcome = ?, finished_at = ?, error = ?"
                                + " where id = ?")
                .params(outcome, Timestamp.from(now), truncate(error, 2000), runId)
                .update();
    }

    boolean completed(String task, String executionKey) {
        return jdbc.sql(
                                "select count(*) from scheduled_work_state where task_name = ?"
                                        + " and execution_key = ? and completed_at is not null")
                        .params(task, executionKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void complete(String task, String executionKey, Instant now) {
        upsert(task, executionKey, now);
        jdbc.sql(
                        "update scheduled_work_state set completed_at = ?, updated_at = ?"
                                + " where task_name = ? and execution_key = ?")
                .params(Timestamp.from(now), Timestamp.from(now), task, executionKey)
                .update();
    }

    void progress(
            String task, String executionKey, long done, long total, String message, Instant now) {
        upsert(task, executionKey, now);
        jdbc.sql(
                        "update scheduled_work_state set done = ?, total = ?, message = ?,"
                                + " updated_at = ? where task_name = ? and execution_key = ?")
                .params(
                        done,
                        total,
                        truncate(message, 500),
                        Timestamp.from(now),
                        task,
                        executionKey)
                .update();
    }

    Optional<String> checkpoint(String task, String executionKey) {
        return jdbc.sql(
                        "select checkpoint from scheduled_work_state where task_name = ?"
                                + " and execution_key = ? and checkpoint is not null")
                .params(task, executionKey)
                .query(String.class)
                .optional();
    }

    void saveCheckpoint(String task, String executionKey, String checkpoint, Instant now) {
        upsert(task, executionKey, now);
        jdbc.sql(
                        "update scheduled_work_state set checkpoint = ?, updated_at = ?"
                                + " where task_name = ? and execution_key = ?")
                .params(checkpoint, Timestamp.from(now), task, executionKey)
                .update();
    }

    private void upsert(String task, String executionKey, Instant now) {
        jdbc.sql(
                        "insert into scheduled_work_state (task_name, execution_key, updated_at)"
                                + " values (?, ?, ?) on conflict (task_name, execution_key) do nothing")
                .params(task, executionKey, Timestamp.from(now))
                .update();
    }

    record Progress(
            long done, long total, String message, Instant updatedAt, Instant completedAt) {}

    Optional<Progress> progressOf(String task, String executionKey) {
        return jdbc.sql(
                        "select done, total, message, updated_at, completed_at from"
                                + " scheduled_work_state where task_name = ? and execution_key = ?")
                .params(task, executionKey)
                .query(
                        (rs, n) ->
                                new Progress(
                                        rs.getLong(1),
                                        rs.getLong(2),
                                        rs.getString(3),
                                        rs.getTimestamp(4).toInstant(),
                                        instant(rs.getTimestamp(5))))
                .optional();
    }

    record Run(
            long id,
            String task,
            String instance,
            Instant scheduledFor,
            String worker,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            String error) {

        Double durationSeconds() {
            return finishedAt == null
                    ? null
                    : (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
        }
    }

    private static final String RUN_COLUMNS =
            "id, task_name, task_instance, scheduled_for, worker, started_at, finished_at, outcome,"
                    + " error";

    List<Run> recentRuns(String task, int limit) {
        return jdbc.sql(
                        "select "
                                + RUN_COLUMNS
                                + " from scheduled_work_run where task_name = ?"
                                + " order by started_at desc, id desc limit ?")
                .params(task, limit)
                .query(WorkRuns::run)
                .list();
    }

    List<Run> runsOf(String task, String instance) {
        return jdbc.sql(
                        "select "
                                + RUN_COLUMNS
                                + " from scheduled_work_run where task_name = ? and task_instance = ?"
                                + " order by started_at, id")
                .params(task, instance)
                .query(WorkRuns::run)
                .list();
    }

    /** The last finished run of every task, for metrics and the overview. */
    List<Run> lastFinishedRuns() {
        return jdbc.sql(
                        "select distinct on (task_name) "
                                + RUN_COLUMNS
                                + " from scheduled_work_run where finished_at is not null"
                                + " order by task_name, finished_at desc, id desc")
                .query(WorkRuns::run)
                .list();
    }

    List<Run> running() {
        return jdbc.sql(
                        "select "
                                + RUN_COLUMNS
                                + " from scheduled_work_run where outcome = 'RUNNING'"
                                + " order by started_at")
                .query(WorkRuns::run)
                .list();
    }

    /** Forgets finished runs and completed executions older than {@code before}. */
    int prune(Instant before) {
        int runs =
                jdbc.sql("delete from scheduled_work_run where finished_at < ?")
                        .param(Timestamp.from(before))
                        .update();
        int states =
                jdbc.sql(
                                "delete from scheduled_work_state where completed_at is not null"
                                        + " and updated_at < ?")
                        .param(Timestamp.from(before))
                        .update();
        return runs + states;
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Run(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                instant(rs.getTimestamp(7)),
                rs.getString(8),
                rs.getString(9));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** An effect-ledger key within the ledger's 300 characters, hashed when longer. */
    static String ledgerKey(String task, String executionKey, String key) {
        String plain = "work:" + task + ":" + executionKey + ":" + key;
        if (plain.length() <= 300) {
            return plain;
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(plain.getBytes(StandardCharsets.UTF_8));
            return "work:" + task + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
