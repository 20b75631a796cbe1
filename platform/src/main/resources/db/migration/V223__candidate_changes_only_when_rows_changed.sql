-- The change feed of the verified-pledge snapshot (V210) raised the generation for every statement
-- on pledge or donor_profile, even one that changed no row. The registry's own trigger that copies
-- a donor's facts onto their pledges (V132) runs such an UPDATE for every new profile, which
-- matches no pledge yet: each new donor took a lock on the single generation row, wrote a new
-- version of it and ran the pruning delete. A bulk load (`ramsetu demo`, 100,000 donors) became
-- five times slower than before V210, and the snapshot of every api instance reloaded for
-- "changes" that were none. A statement that changed no row now raises nothing: which donors a
-- snapshot reloads was always decided by the rows logged, so readers see the same candidates.
--
-- The pruning of generations older than the last 100,000 ran on every raise, as a cached generic
-- plan that scans the whole log (3 ms per pledge at 15,000 pledges, growing with the log). It now
-- runs on every hundredth generation: the log keeps between 100,000 and 100,099 generations, and
-- a snapshot further behind than that still reloads in full.
create or replace function candidate_pledges_changed() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    if not exists (select 1 from changed_pledges) then
        return null;
    end if;
    update candidate_generation set generation = generation + 1 returning generation into raised;
    insert into candidate_change (generation, donor_id)
        select distinct raised, donor_id from changed_pledges;
    if raised % 100 = 0 then
        delete from candidate_change where generation <= raised - 100000;
    end if;
    return null;
end;
$$;

create or replace function candidate_profiles_changed() returns trigger language plpgsql as $$
declare
    raised bigint;
begin
    if not exists (select 1 from changed_profiles) then
        return null;
    end if;
    update candidate_generation set generation = generation + 1 returning generation into raised;
    insert into candidate_change (generation, donor_id)
        select distinct raised, account_id from changed_profiles;
    if raised % 100 = 0 then
        delete from candidate_change where generation <= raised - 100000;
    end if;
    return null;
end;
$$;
