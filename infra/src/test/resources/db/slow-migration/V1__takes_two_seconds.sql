-- A migration that runs longer than the test pool's socket timeout (1 s), like an index build.
select pg_sleep(2);
create table slow_migration_done (id int);
