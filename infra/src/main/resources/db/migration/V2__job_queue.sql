-- Job queue (PostgreSQL adapter): one row per job, leased with FOR UPDATE SKIP LOCKED.
create table job (
    id               uuid         primary key,
    type             varchar(63)  not null,
    idempotency_key  varchar(200) not null,
    payload          text         not null,
    status           varchar(8)   not null check (status in ('READY', 'LEASED', 'DONE', 'DEAD')),
    attempts         integer      not null default 0 check (attempts >= 0),
    run_at           timestamptz  not null,
    leased_by        varchar(200),
    lease_token      uuid,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    -- the idempotency guarantee: one job per type and key, ever (DONE rows are the memory)
    constraint job_type_key_unique unique (type, idempotency_key),
    constraint job_lease_consistent check ((status = 'LEASED') = (lease_token is not null))
);

-- Deliverable jobs in due order; expired leases (crashed workers) found by lease_until.
create index job_ready_idx on job (type, run_at) where status = 'READY';
create index job_leased_idx on job (type, lease_until) where status = 'LEASED';
create index job_dead_idx on job (type, updated_at) where status = 'DEAD';

-- Effects applied by job handlers, so that a redelivered job does not apply its effect again.
create table job_effect (
    effect_key  varchar(300) primary key,
    applied_at  timestamptz  not null
);
