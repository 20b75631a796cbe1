-- Cluster-wide scheduled work (ADR 0020): db-scheduler's table, and RamSetu's record of each run.

-- db-scheduler's own table, in the layout its PostgreSQL dialect expects. One row per recurring
-- task (so it runs once per cluster: the process that picks the row owns that execution) and one
-- per scheduled one-time instance (removed once it succeeded). A picked row whose heartbeat stops
-- (a killed worker) is taken over by another scheduler after the missed-heartbeat limit.
create table scheduled_tasks (
    task_name             text        not null,
    task_instance         text        not null,
    task_data             bytea,
    execution_time        timestamptz not null,
    picked                boolean     not null,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  int,
    last_heartbeat        timestamptz,
    version               bigint      not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx
    on scheduled_tasks (priority desc, execution_time asc);

-- One row per attempt of an execution: who ran it, how long, how it ended. A row left RUNNING by
-- a killed worker is marked LOST when the execution is attempted again.
create table scheduled_work_run (
    id             bigint       generated always as identity primary key,
    task_name      varchar(100) not null,
    task_instance  varchar(200) not null,
    scheduled_for  timestamptz  not null,
    worker         varchar(200) not null,
    started_at     timestamptz  not null,
    finished_at    timestamptz,
    outcome        varchar(11)  not null
        check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED', 'LOST', 'SKIPPED')),
    error          varchar(2000),
    constraint scheduled_work_run_finished check ((outcome = 'RUNNING') = (finished_at is null))
);
create index scheduled_work_run_task_idx on scheduled_work_run (task_name, started_at desc);
create index scheduled_work_run_instance_idx
    on scheduled_work_run (task_name, task_instance, started_at desc);

-- Per execution (a one-time instance, or one due time of recurring work): progress, checkpoint and
-- completion. A completed one-time instance is never run again, even if the scheduler's row
-- survived the crash that happened right after the body finished.
create table scheduled_work_state (
    task_name      varchar(100) not null,
    execution_key  varchar(260) not null,
    done           bigint       not null default 0,
    total          bigint       not null default 0,
    message        varchar(500),
    checkpoint     text,
    updated_at     timestamptz  not null,
    completed_at   timestamptz,
    primary key (task_name, execution_key)
);
create index scheduled_work_state_updated_idx on scheduled_work_state (updated_at);

-- Effects of scheduler drill work (ops.drill): one row per instance whose effect was applied. The
-- kill-a-worker test schedules N instances and checks exactly N rows appear, none twice.
create table schedule_drill_effect (
    run_id      varchar(64)  not null,
    seq         integer      not null,
    worker      varchar(200) not null,
    applied_at  timestamptz  not null,
    primary key (run_id, seq)
);
