-- Matching workflow (issue 8): immutable match runs and the matches they propose.

-- One row per run, written once. The ranked candidates (with every score component) and the
-- excluded pledges (with every reason) are JSONB arrays in the same row: a run is written in one
-- insert and read as a whole or by its head, never updated, and never queried across runs by
-- candidate (the match table below answers "which proposals involve this pledge").
create table match_run (
    id                uuid          primary key,
    request_id        uuid          not null references transplant_request (id),
    -- the request's patient, kept for object-level checks without a join
    patient_id        uuid          not null references account (id),
    organ             varchar(6)    not null check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    request_version   bigint        not null,
    created_at        timestamptz   not null,
    -- the coordinator who asked; null for a run written by the re-scoring job
    created_by        uuid          references account (id),
    trigger           varchar(11)   not null check (trigger in ('COORDINATOR', 'RESCORING')),
    degraded          boolean       not null,
    degraded_cause    varchar(2000),
    model_version     varchar(100),
    policy_version    varchar(60)   not null,
    formula_versions  jsonb         not null,
    -- a re-scoring run names the degraded run it replaces; unique, so a redelivered re-scoring
    -- job can never write a second one
    rescored_from     uuid          unique references match_run (id),
    settings          jsonb         not null,
    candidate_count   integer       not null check (candidate_count >= 0),
    excluded_count    integer       not null check (excluded_count >= 0),
    candidates        jsonb         not null,
    excluded          jsonb         not null,
    duration_ms       bigint        not null,
    constraint match_run_degraded_has_cause check (degraded = (degraded_cause is not null)),
    constraint match_run_degraded_has_no_model check (not degraded or model_version is null),
    constraint match_run_rescoring_names_its_run
        check ((trigger = 'RESCORING') = (rescored_from is not null)),
    constraint match_run_rescoring_is_scored check (trigger <> 'RESCORING' or not degraded)
);
create index match_run_request_idx on match_run (request_id, created_at desc, id desc);

-- Immutable: a correction is a new run, never an edit of an old one.
create function match_run_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'match runs are immutable (run %): write a new run instead', old.id
        using errcode = 'restrict_violation';
end;
$$;
create trigger match_run_immutable before update or delete on match_run
    for each row execute function match_run_refuse_change();

-- A proposed donor for a request, from the top of a run; decided by a coordinator.
create table match (
    id                uuid          primary key,
    run_id            uuid          not null references match_run (id),
    request_id        uuid          not null references transplant_request (id),
    pledge_id         uuid          not null references pledge (id),
    patient_id        uuid          not null references account (id),
    donor_id          uuid          not null references account (id),
    organ             varchar(6)    not null check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    rank              integer       not null check (rank >= 1),
    score             double precision not null,
    ml_score          double precision,
    distance_km       double precision not null,
    -- the versions the run ranked: approval is refused if either record moved on since
    pledge_version    bigint        not null,
    request_version   bigint        not null,
    status            varchar(10)   not null
        check (status in ('PROPOSED', 'APPROVED', 'DECLINED', 'SUPERSEDED')),
    decline_reason    varchar(30)
        check (decline_reason in ('DONOR_QUALITY', 'SIZE', 'POSITIVE_CROSSMATCH', 'PATIENT_UNWELL',
            'LOGISTICS', 'OTHER', 'ANOTHER_PATIENT_CHOSEN', 'ANOTHER_DONOR_CHOSEN')),
    decline_note      varchar(1000),
    created_at        timestamptz   not null,
    decided_at        timestamptz,
    decided_by        uuid          references account (id),
    superseded_by_run uuid          references match_run (id),
    version           bigint        not null default 0,
    constraint match_declined_has_reason
        check ((status = 'DECLINED') = (decline_reason is not null)),
    constraint match_other_has_note check (decline_reason <> 'OTHER' or decline_note is not null),
    constraint match_superseded_names_run
        check ((status = 'SUPERSEDED') = (superseded_by_run is not null))
);
-- A pledge is given once and a request is matched once, whatever happens concurrently.
create unique index match_one_approved_per_pledge on match (pledge_id) where status = 'APPROVED';
create unique index match_one_approved_per_request on match (request_id) where status = 'APPROVED';
-- One open proposal per pair: a newer run supersedes the proposals of the older one.
create unique index match_one_proposed_per_pair
    on match (request_id, pledge_id) where status = 'PROPOSED';
-- Proposals to decline or supersede when a pledge or request is taken.
create index match_pledge_proposed_idx on match (pledge_id) where status = 'PROPOSED';
create index match_run_idx on match (run_id, rank);
-- Lists in keyset order (created_at desc, id desc): all, a patient's own, a donor's approved.
create index match_created_idx on match (created_at desc, id desc);
create index match_status_idx on match (status, created_at desc, id desc);
create index match_request_idx on match (request_id, created_at desc, id desc);
create index match_patient_idx on match (patient_id, created_at desc, id desc);
create index match_donor_approved_idx on match (donor_id, created_at desc, id desc)
    where status = 'APPROVED';

-- The candidate query (CandidatePool): verified pledges of one organ, then their donors' blood
-- group and place. Partial, so the index holds only offerable pledges.
create index match_candidate_pledge_idx on pledge (organ, donor_id) where status = 'VERIFIED';
create index match_candidate_donor_idx
    on donor_profile (blood_group, latitude, longitude, account_id);
