-- The version of the donation case an allocation run ranked the waiting list for (issue 20): an
-- organ is offered only from a run whose donor record is still the case's, so a record corrected
-- after the run (a terminal creatinine, a serology, a cross-clamp time) first gets a new run.
-- Additive and catalogue-only: the previous release names the columns it writes and leaves this
-- one null, which the offers of this release read as "not known" and do not refuse.
alter table allocation_run add column donation_case_version bigint;
