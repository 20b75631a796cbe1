-- The organ assessments recorded with a donation case's recovery (liver function and bilirubin,
-- heart echo and LVEF, cornea cell density and storage medium, ...), in the shape a pledge stores
-- its tests: {"LIVER": {...}, "CORNEA": {...}}. Allocation runs of a case's liver, heart or cornea
-- need them. Added with a default, so the previous release's inserts (which do not name it) hold.
alter table donation_case add column organ_assessments jsonb not null default '{}'::jsonb;
