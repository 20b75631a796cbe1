-- How many pledges each organ has in each status, kept by triggers in the writer's transaction, so
-- that a match run can account for the pledges it does not rank (VerifiedPledges reads these rows
-- with the generation) without counting 150,000 rows each time the registry changed: that count
-- took about 20 ms of three workers' time, in a coordinator's run.
--
-- Lock order: PostgreSQL fires the triggers of one event in name order, so candidate_pledges_*
-- (V210) takes candidate_generation's row before pledge_status_counted_* takes these rows, in
-- every writing transaction; the two never deadlock.
create table pledge_status_count (
    organ   varchar(6)  not null,
    status  varchar(9)  not null,
    pledges bigint      not null check (pledges >= 0),
    primary key (organ, status)
);
insert into pledge_status_count (organ, status, pledges)
    select organ, status, count(*) from pledge group by organ, status;

create function pledge_status_counted() returns trigger language plpgsql as $$
begin
    if TG_OP = 'TRUNCATE' then
        delete from pledge_status_count;
        return null;
    end if;
    if TG_OP = 'UPDATE' then
        update pledge_status_count c set pledges = c.pledges - gone.n
            from (select organ, status, count(*) n from old_pledges group by organ, status) gone
            where c.organ = gone.organ and c.status = gone.status;
    end if;
    insert into pledge_status_count as c (organ, status, pledges)
        select organ, status, count(*) from new_pledges group by organ, status
        on conflict (organ, status) do update set pledges = c.pledges + excluded.pledges;
    return null;
end;
$$;

create trigger pledge_status_counted_inserted after insert on pledge
    referencing new table as new_pledges
    for each statement execute function pledge_status_counted();
create trigger pledge_status_counted_updated after update on pledge
    referencing old table as old_pledges new table as new_pledges
    for each statement execute function pledge_status_counted();
create trigger pledge_status_counted_truncated after truncate on pledge
    for each statement execute function pledge_status_counted();
