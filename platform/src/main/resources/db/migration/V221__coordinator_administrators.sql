-- Administrators (issue 20, item 1): coordinators who also manage the registry of transplant
-- centres and assign coordinators to them. Only a coordinator (role ADMIN) is ever made one: the
-- bootstrap coordinator always is, `ramsetu admin create --administrator` makes others. Added with
-- a default, so the previous release's inserts (which do not name it) hold, and no existing
-- coordinator gains the right through this migration.
alter table account add column administrator boolean not null default false;
