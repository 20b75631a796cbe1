-- The waiting list read with the sickest first (issue 21): `sort=urgency` by the urgency the
-- centre verified, `sort=meld` by MELD-Na, each highest first and then the longest listed. The keys
-- are stored negated in the index so that they, the listing time and the id all ascend: one row
-- comparison `(key, listed_at, id) > (cursor)` and one forward index scan answer any page
-- (RequestOrder). A coordinator filters by status (the default is WAITING) and often by organ, so
-- each order has an index by status and one by organ and status. Built concurrently, as a rolling
-- upgrade runs this against a registry in use; the previous release does not read these indexes.
-- Each is dropped first: a concurrent build that failed half-way leaves an invalid index behind,
-- which a retry must replace, not skip.
drop index concurrently if exists transplant_request_status_urgency_idx;
create index concurrently transplant_request_status_urgency_idx
    on transplant_request (status, (-urgency), listed_at, id);
drop index concurrently if exists transplant_request_organ_status_urgency_idx;
create index concurrently transplant_request_organ_status_urgency_idx
    on transplant_request (organ, status, (-urgency), listed_at, id);
drop index concurrently if exists transplant_request_status_meld_idx;
create index concurrently transplant_request_status_meld_idx
    on transplant_request (status, (-coalesce(meld_na, 0)), listed_at, id);
drop index concurrently if exists transplant_request_organ_status_meld_idx;
create index concurrently transplant_request_organ_status_meld_idx
    on transplant_request (organ, status, (-coalesce(meld_na, 0)), listed_at, id);
