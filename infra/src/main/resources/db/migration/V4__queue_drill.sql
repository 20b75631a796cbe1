-- Effects of queue drill jobs (ops.drill): one row per job whose effect was applied. An operator
-- (or the kill-a-worker test) enqueues N drill jobs and checks that exactly N rows appear.
create table queue_drill_effect (
    run_id      varchar(64) not null,
    seq         integer     not null,
    job_id      varchar(64) not null,
    applied_at  timestamptz not null,
    primary key (run_id, seq)
);
