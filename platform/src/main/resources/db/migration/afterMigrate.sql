-- Runs after every migration (a Flyway callback, not a versioned migration). Where migrations run
-- as the schema's owner and the application logs in as another role (RAMSETU_DB_OWNER_USER,
-- RAMSETU_DB_APP_ROLE), that role may read and write rows of every table, nothing more: it cannot
-- create, alter or drop anything, switch a trigger off, or write migration history. The audit log
-- and its hash chain it may only read and append to: no update, delete or truncate, even with the
-- tables' append-only triggers gone (docs/SECURITY.md, "Tamper-evident audit"). Granted again
-- after each migration, so tables added later are covered. With one role for both, nothing to do.
do $grants$
declare
    application_role text := '${applicationRole}';
    schema_name text := current_schema();
begin
    if application_role = '' or application_role = current_user then
        return;
    end if;
    execute format('grant usage on schema %I to %I', schema_name, application_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I',
                   schema_name, application_role);
    execute format('grant usage, select on all sequences in schema %I to %I',
                   schema_name, application_role);
    execute format('revoke update, delete, truncate, references, trigger'
                   ' on audit_event, audit_chain from %I', application_role);
    execute format('revoke insert, update, delete, truncate'
                   ' on flyway_schema_history from %I', application_role);
end
$grants$;
