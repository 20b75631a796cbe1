-- Allocation runs (issue 10): one donor organ against the waiting list for that organ.

-- One row per run, written once. The ranked requests and the excluded requests are compact binary
-- lists (allocation/runs/RunCodec: a string dictionary, then one row per request), because a run
-- over 50,000 waiting requests must be written within the run's latency budget; the response
-- decodes the head it shows. The policy the run used is stored whole with its SHA-256, so a later
-- policy version never changes how an existing run reads.
create table allocation_run (
    id                 uuid          primary key,
    pledge_id          uuid          not null references pledge (id),
    -- the pledge's donor, kept for object-level checks without a join
    donor_id           uuid          not null references account (id),
    organ              varchar(6)    not null check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    pledge_version     bigint        not null,
    created_at         timestamptz   not null,
    -- the coordinator who asked; null for a run written by the re-scoring job
    created_by         uuid          references account (id),
    trigger            varchar(11)   not null check (trigger in ('COORDINATOR', 'RESCORING')),
    degraded           boolean       not null,
    degraded_cause     varchar(2000),
    model_version      varchar(100),
    policy_id          varchar(80)   not null,
    policy_sha256      char(64)      not null,
    policy             jsonb         not null,
    formula_versions   jsonb         not null,
    donor_facts        jsonb         not null,
    settings           jsonb         not null,
    rescored_from      uuid          unique references allocation_run (id),
    waiting_count      integer       not null check (waiting_count >= 0),
    candidate_count    integer       not null check (candidate_count >= 0),
    excluded_count     integer       not null check (excluded_count >= 0),
    -- excluded requests per reason code, e.g. {"ABO_INCOMPATIBLE": 812, "MISSING_INPUT": 3}
    exclusion_counts   jsonb         not null,
    candidates         bytea         not null,
    excluded           bytea         not null,
    duration_ms        bigint        not null,
    -- where the computation's time went, ms per stage (waitingList, hardFilters, scoring, ranking)
    timings            jsonb         not null,
    constraint allocation_run_counts check (candidate_count + excluded_count = waiting_count),
    constraint allocation_run_degraded_has_cause check (degraded = (degraded_cause is not null)),
    constraint allocation_run_degraded_has_no_model check (not degraded or model_version is null),
    constraint allocation_run_rescoring_names_its_run
        check ((trigger = 'RESCORING') = (rescored_from is not null)),
    constraint allocation_run_rescoring_is_scored check (trigger <> 'RESCORING' or not degraded)
);
-- Already compact: store out of line without a second compression pass on the write path.
alter table allocation_run alter column candidates set storage external;
alter table allocation_run alter column excluded set storage external;
create index allocation_run_pledge_idx on allocation_run (pledge_id, created_at desc, id desc);

-- Immutable: a correction is a new run, never an edit of an old one.
create function allocation_run_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'allocation runs are immutable (run %): write a new run instead', old.id
        using errcode = 'restrict_violation';
end;
$$;
create trigger allocation_run_immutable before update or delete on allocation_run
    for each row execute function allocation_run_refuse_change();

-- The waiting lists' generation, raised in the same transaction as any change that can alter a
-- list (a request listed or changed, a patient's profile changed). Allocation keeps each parsed
-- list in memory and reads it again only when the generation it sees (in the same snapshot as the
-- list) moved on. One row for all organs: a writer holds its lock until commit, so writers of
-- requests and profiles queue behind each other briefly, but never deadlock (one lock, and every
-- transaction takes it after its own rows). Statement-level triggers: a batch raises it once.
create table waiting_list_generation (
    singleton   boolean     primary key default true check (singleton),
    generation  bigint      not null
);
insert into waiting_list_generation (singleton, generation) values (true, 0);

create function waiting_list_changed() returns trigger language plpgsql as $$
begin
    update waiting_list_generation set generation = generation + 1;
    return null;
end;
$$;
create trigger waiting_list_requests_changed after insert or update on transplant_request
    for each statement execute function waiting_list_changed();
create trigger waiting_list_profiles_changed after update on patient_profile
    for each statement execute function waiting_list_changed();
