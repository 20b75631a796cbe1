-- Append-only audit log of security events and coordinator actions (issue 6).
create table audit_event (
    id           bigserial    primary key,
    occurred_at  timestamptz  not null,
    actor_id     uuid,
    actor_role   varchar(8),
    action       varchar(64)  not null,
    outcome      varchar(8)   not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    target_type  varchar(64),
    target_id    varchar(200),
    client_ip    varchar(64),
    detail       jsonb        not null default '{}'::jsonb
);
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_action_idx on audit_event (action, id desc);
create index audit_event_actor_idx on audit_event (actor_id, id desc);
create index audit_event_target_idx on audit_event (target_type, target_id, id desc);

-- Append-only is enforced by the database, not only by the code: no update, delete or truncate,
-- whoever connects with the application's role.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
