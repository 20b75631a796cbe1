-- Re-processing when a model changes (issue 24, docs/reprocessing.md). Expand only: new tables, a
-- new trigger value, nullable columns. The previous release keeps writing COORDINATOR and
-- RESCORING runs, which the widened checks accept as before.

-- The model version per organ that the model watch last saw served; a different version served
-- now starts a batch. One row per organ, replaced when the version changes.
create table model_version_seen (
    organ          varchar(6)    primary key check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    model_version  varchar(100)  not null,
    seen_at        timestamptz   not null
);

-- One batch: the open match and allocation runs of one organ ranked again with the served model,
-- each as a new REPROCESSED run beside the old one. Counters and the correlation figures are
-- updated in the same transaction as each run written, so they stay exact when a killed worker's
-- batch resumes from its checkpoint.
create table reprocessing_batch (
    id                     uuid          primary key,
    organ                  varchar(6)    not null
        check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    -- MODEL: a new model version (detected or asked for); POLICY: the active allocation policy
    reason                 varchar(6)    not null check (reason in ('MODEL', 'POLICY')),
    -- the version the batch ranks with (the runs it writes must carry it); for POLICY batches the
    -- version served when it started
    model_version          varchar(100),
    previous_version       varchar(100),
    policy_id              varchar(80),
    -- REQUESTED (by the CLI, scheduled by the next model watch), SCHEDULED, RUNNING, SUCCEEDED,
    -- FAILED
    state                  varchar(9)    not null
        check (state in ('REQUESTED', 'SCHEDULED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    -- 'model-watch', 'cli:<user>' or the coordinator's account id
    requested_by           varchar(120)  not null,
    created_at             timestamptz   not null,
    started_at             timestamptz,
    finished_at            timestamptz,
    match_runs_total       integer       not null default 0,
    allocation_runs_total  integer       not null default 0,
    match_runs_done        integer       not null default 0,
    allocation_runs_done   integer       not null default 0,
    -- runs written, and those whose ranking differs from the old run's
    runs_written           integer       not null default 0,
    rankings_changed       integer       not null default 0,
    top_changed            integer       not null default 0,
    -- open runs passed over: the record left its open state, changed meanwhile, or scoring served
    -- another version than the batch's
    runs_skipped           integer       not null default 0,
    -- Spearman's rank correlation over the candidates both runs ranked (runs with two or more)
    correlated_runs        integer       not null default 0,
    correlation_sum        double precision not null default 0,
    correlation_min        double precision,
    -- mean absolute rank shift of the common candidates, summed over runs
    rank_shift_sum         double precision not null default 0,
    error                  varchar(2000)
);
create index reprocessing_batch_created_idx on reprocessing_batch (created_at desc, id desc);
create index reprocessing_batch_requested_idx on reprocessing_batch (created_at)
    where state = 'REQUESTED';

-- Runs may now be written by a batch: trigger REPROCESSED, with a row below naming the run they
-- ranked again and the batch. The running previous release reads match_run and allocation_run
-- with "select *" through server-prepared statements; a table that gained a column, or a column
-- whose type changed (even a longer varchar), makes those statements fail with "cached plan must
-- not change result type" until re-prepared (the rollout drill saw it). So the run tables keep
-- their shape: the value fits the trigger column as it is, and what a re-processed run adds lives
-- in tables of its own. Only the checks change: replaced by looser ones, added NOT VALID (a
-- catalogue change, new rows are checked at once) and validated by V171 in a transaction of its
-- own, which blocks no reader or writer.
alter table match_run drop constraint match_run_trigger_check,
    add constraint match_run_trigger_check
        check (trigger in ('COORDINATOR', 'RESCORING', 'REPROCESSED')) not valid;
alter table allocation_run drop constraint allocation_run_trigger_check,
    add constraint allocation_run_trigger_check
        check (trigger in ('COORDINATOR', 'RESCORING', 'REPROCESSED')) not valid;

-- One row per REPROCESSED run, written in the run's transaction. A batch ranks a run again at
-- most once, whatever retries happen (the unique constraint).
create table match_run_reprocessing (
    run_id            uuid primary key references match_run (id),
    reprocessed_from  uuid not null references match_run (id),
    batch_id          uuid not null references reprocessing_batch (id),
    constraint match_run_reprocessed_once unique (batch_id, reprocessed_from)
);
create table allocation_run_reprocessing (
    run_id            uuid primary key references allocation_run (id),
    reprocessed_from  uuid not null references allocation_run (id),
    batch_id          uuid not null references reprocessing_batch (id),
    constraint allocation_run_reprocessed_once unique (batch_id, reprocessed_from)
);
