-- The change feed of the verified-pledge snapshot that match runs rank from (VerifiedPledges).
--
-- Each api instance keeps every verified pledge, with its donor's profile, parsed in memory. A run
-- first reads the generation below; when it moved on since the snapshot was built, the instance
-- reads which donors changed in between (candidate_change) and reloads only their pledges, in one
-- repeatable-read snapshot with the generation, so a run never ranks from data older than the
-- moment it started.
--
-- The generation is raised in the same transaction as any change of a pledge or a donor's profile,
-- by statement-level triggers (a batch of a bulk load raises it once). One row: a writer holds its
-- lock until commit, so generations commit in the order they were taken and a reader that sees
-- generation g also sees every change logged up to g. Writers of pledges and profiles queue behind
-- each other for that lock briefly, never deadlock (one lock, taken after the writer's own rows).
create table candidate_generation (
    singleton   boolean  primary key default true check (singleton),
    generation  bigint   not null
);
insert into candidate_generation (singleton, generation) values (true, 0);

-- Which donors' pledges or profile changed at which generation. The triggers keep the last
-- 100,000 generations (days of ordinary traffic); a snapshot further behind reloads in full.
create table candidate_change (
    generation  bigint  not null,
    donor_id    uuid    not null
);
create index candidate_change_generation_idx on candidate_change (generation);

create function candidate_pledges_changed() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    update candidate_generation set generation = generation + 1 returning generation into raised;
    insert into candidate_change (generation, donor_id)
        select distinct raised, donor_id from changed_pledges;
    delete from candidate_change where generation <= raised - 100000;
    return null;
end;
$$;

create function candidate_profiles_changed() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    update candidate_generation set generation = generation + 1 returning generation into raised;
    insert into candidate_change (generation, donor_id)
        select distinct raised, account_id from changed_profiles;
    delete from candidate_change where generation <= raised - 100000;
    return null;
end;
$$;

-- A transition table belongs to one event, hence one trigger per event.
create trigger candidate_pledges_inserted after insert on pledge
    referencing new table as changed_pledges
    for each statement execute function candidate_pledges_changed();
create trigger candidate_pledges_updated after update on pledge
    referencing new table as changed_pledges
    for each statement execute function candidate_pledges_changed();
-- A new profile has no pledges yet; only a changed one can alter candidates.
create trigger candidate_profiles_updated after update on donor_profile
    referencing new table as changed_profiles
    for each statement execute function candidate_profiles_changed();
