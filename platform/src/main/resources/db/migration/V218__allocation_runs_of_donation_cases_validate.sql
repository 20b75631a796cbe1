-- The checks and foreign key V217 added NOT VALID, validated against the existing rows in a
-- transaction of their own (SHARE UPDATE EXCLUSIVE: runs are still read and written meanwhile).
-- Every existing row names a pledge, its donor and its version.
alter table allocation_run validate constraint allocation_run_one_source;
alter table allocation_run validate constraint allocation_run_pledge_run_complete;
alter table allocation_run validate constraint allocation_run_donation_case_fk;
