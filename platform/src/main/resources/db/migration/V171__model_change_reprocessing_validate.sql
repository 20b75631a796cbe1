-- The trigger checks V170 added NOT VALID, validated against the existing rows. In a transaction
-- of its own, VALIDATE CONSTRAINT takes only SHARE UPDATE EXCLUSIVE on the table: the running
-- release keeps reading and writing runs during the scan. Every existing row passes: its trigger
-- is COORDINATOR or RESCORING.
alter table match_run validate constraint match_run_trigger_check;
alter table allocation_run validate constraint allocation_run_trigger_check;
