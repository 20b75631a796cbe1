-- The change feed of the cached waiting lists (WaitingList), as V210 is for the verified pledges.
--
-- Until now an api instance read an organ's whole waiting list again (50,000 requests: a few hundred
-- ms) whenever waiting_list_generation (V150) had moved on, and any new listing, change of a request,
-- of a patient's profile or of a centre's place moved it. While people register, that was most
-- allocation runs: one run per second over 50,000 waiting kidney requests took a p99 of 485 ms
-- instead of 147 ms. The triggers now also log which requests each generation touched, so that an
-- instance reads again only those requests (a request no longer waiting leaves its list).
--
-- The generation stays what V150 made it, raised in the same transaction as every change that can
-- alter a list: the previous release, which reads only the generation, keeps serving fresh lists
-- during a rolling upgrade. Its writes go through these triggers too, so the log is
-- complete whichever release wrote. One row: a writer holds its lock until commit, so generations
-- commit in the order they were taken, and a reader that sees generation g also sees every
-- request logged up to g (in the same repeatable-read snapshot).
--
-- As V223 learnt, a statement that touched no request raises nothing; and the log keeps
-- the last 100,000 generations, pruned on every hundredth; an instance further behind reads in full.
-- (V150's waiting_list_changed() stays, unused, until a contract step removes it.)
create table waiting_list_change (
    generation  bigint  not null,
    request_id  uuid    not null
);
create index waiting_list_change_generation_idx on waiting_list_change (generation);

-- Raises the generation and logs the requests one statement touched; nothing when it touched none
-- (a patient without requests, a centre where nobody is listed: no list changed).
create function waiting_list_log(touched uuid[]) returns void language plpgsql as $$
declare
    raised bigint;
begin
    if cardinality(touched) = 0 then
        return;
    end if;
    update waiting_list_generation set generation = generation + 1 returning generation into raised;
    insert into waiting_list_change (generation, request_id)
        select distinct raised, id from unnest(touched) id;
    if raised % 100 = 0 then
        delete from waiting_list_change where generation <= raised - 100000;
    end if;
end;
$$;

create function waiting_list_requests_logged() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed_requests) then
        perform waiting_list_log(array(select id from changed_requests));
    end if;
    return null;
end;
$$;

-- A patient's profile is on each of their requests (blood group, typing, antigens, body, place).
--
-- The profile and centre triggers find the requests to log by a query, so they take the counter's
-- lock before it. A request listed concurrently (for this patient, or at this centre) has then
-- either committed, and the query (a new snapshot: writers run at read committed) finds it, or it
-- commits after this transaction and is read with these values. Without the lock, a list could
-- take such a request between the two commits, with the old values, and this log would miss it.
create function waiting_list_profiles_logged() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed_profiles) then
        perform 1 from waiting_list_generation for update;
        perform waiting_list_log(array(
            select r.id from transplant_request r
                join changed_profiles p on p.account_id = r.patient_id));
    end if;
    return null;
end;
$$;

-- A centre's verified place is where distances to its listed patients are measured from (V226);
-- only its coordinates are on the lists, so a centre renamed or given a programme changes none.
create function waiting_list_centres_logged() returns trigger language plpgsql as $$
declare
    moved uuid[] := array(
        select c.id from changed_centres c join previous_centres p on p.id = c.id
        where (c.latitude, c.longitude) is distinct from (p.latitude, p.longitude));
begin
    if cardinality(moved) > 0 then
        perform 1 from waiting_list_generation for update;
        perform waiting_list_log(array(
            select r.id from transplant_request r where r.centre_id = any(moved)));
    end if;
    return null;
end;
$$;

-- A transition table belongs to one event, hence one trigger per event; these replace V150's and
-- V226's triggers, which raised the generation without saying what changed.
drop trigger waiting_list_requests_changed on transplant_request;
drop trigger waiting_list_profiles_changed on patient_profile;
drop trigger waiting_list_centres_changed on transplant_centre;
create trigger waiting_list_requests_inserted after insert on transplant_request
    referencing new table as changed_requests
    for each statement execute function waiting_list_requests_logged();
create trigger waiting_list_requests_updated after update on transplant_request
    referencing new table as changed_requests
    for each statement execute function waiting_list_requests_logged();
create trigger waiting_list_profiles_updated after update on patient_profile
    referencing new table as changed_profiles
    for each statement execute function waiting_list_profiles_logged();
create trigger waiting_list_centres_updated after update on transplant_centre
    referencing old table as previous_centres new table as changed_centres
    for each statement execute function waiting_list_centres_logged();
