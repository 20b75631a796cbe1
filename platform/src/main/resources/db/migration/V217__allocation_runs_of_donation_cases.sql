-- Allocation runs of a donation case's recovered organ (issue 20): a run ranks the waiting list for
-- a pledge, as before, or for an organ recovered from a deceased donor's case (most of whom never
-- pledged). Additive only: the previous release names the columns it reads and writes, and every
-- row it writes names a pledge, which the new check accepts. Catalogue changes only; the checks
-- and the foreign key are validated by V218 in a transaction of their own, and the index is built
-- concurrently by V219.
alter table allocation_run
    alter column pledge_id drop not null,
    alter column donor_id drop not null,
    alter column pledge_version drop not null,
    add column donation_case_id uuid;
-- A run ranks for exactly one source; a pledge's run keeps its donor and version.
alter table allocation_run add constraint allocation_run_one_source
    check ((pledge_id is null) <> (donation_case_id is null)) not valid;
alter table allocation_run add constraint allocation_run_pledge_run_complete
    check (pledge_id is null or num_nulls(donor_id, pledge_version) = 0) not valid;
alter table allocation_run add constraint allocation_run_donation_case_fk
    foreign key (donation_case_id) references donation_case (id) not valid;
