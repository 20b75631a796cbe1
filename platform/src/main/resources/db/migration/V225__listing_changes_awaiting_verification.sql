-- The clinical fields a patient changed since their centre last verified the request (e.g.
-- {liver.inr}): what its coordinator checks again before the request counts for allocation.
-- Empty or null while nothing awaits a second check.
alter table transplant_request add column unverified_fields text[];
