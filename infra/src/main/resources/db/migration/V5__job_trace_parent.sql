-- The W3C trace context of the request that caused a job (issue: one trace per user action
-- across processes): the worker runs the job as a child of that trace. Null for jobs enqueued
-- without one; nullable, so a previous release that does not write it keeps working.
alter table job add column trace_parent varchar(55);
