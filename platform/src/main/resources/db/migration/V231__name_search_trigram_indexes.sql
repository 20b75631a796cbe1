-- Coordinators find a person by any part of their name or e-mail address (issue 21): "sharma" finds
-- "Asha Sharma" and "r.sharma@…". The prefix indexes of V131 answer only "starts with"; without an
-- index of its own an infix search reads every account, on each page and for each count. Trigram
-- indexes answer LIKE '%part%' for a part of three characters or more.
-- pg_trgm is a trusted extension: the database's owner, which runs the migrations, may create it;
-- where a DBA created it beforehand, "if not exists" asks for no privilege.
create extension if not exists pg_trgm;
create index account_name_trgm_idx on account using gin (lower(full_name) gin_trgm_ops);
create index account_email_trgm_idx on account using gin (email_key gin_trgm_ops);

-- A name search on the matches list finds the people first and then their matches, as patient
-- (match_patient_idx) or as donor in any state; the donor's index of V140 holds approved ones only.
create index match_donor_idx on match (donor_id, created_at desc, id desc);
