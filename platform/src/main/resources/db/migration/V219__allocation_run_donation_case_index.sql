drop index concurrently if exists allocation_run_donation_case_idx;
-- A case's runs, newest first (the case page lists them; offers start from them).
create index concurrently allocation_run_donation_case_idx
    on allocation_run (donation_case_id, created_at desc, id desc)
    where donation_case_id is not null;
