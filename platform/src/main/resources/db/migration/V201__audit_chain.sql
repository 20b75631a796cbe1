-- A hash chain over the audit log (issue 23, item 5). Each audit event, once committed, is sealed
-- into the chain: its position, the hash of the entry before it and the SHA-256 of that hash
-- followed by the event's columns (audit/AuditChain). Editing or deleting a sealed event, or an
-- entry of the chain, breaks the chain where it happened; `ramsetu audit verify` walks it and
-- reports every break. The chain is kept beside the log instead of in a column of it: the log
-- stays append-only (no update to fill a column in later), and events are sealed in the order the
-- sealer sees them committed, which need not be the order of their ids.
create table audit_chain (
    position       bigint       primary key,
    event_id       bigint       not null unique,
    previous_hash  bytea        not null,
    hash           bytea        not null,
    sealed_at      timestamptz  not null
);
-- The sealer looks back a bounded window for events committed late (AuditChain.SEAL_LOOKBACK).
create index audit_chain_sealed_at_idx on audit_chain (sealed_at);

-- Append-only like the log itself.
create function audit_chain_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_chain is append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_chain_no_update_delete
    before update or delete on audit_chain
    for each row execute function audit_chain_is_append_only();
create trigger audit_chain_no_truncate
    before truncate on audit_chain
    for each statement execute function audit_chain_is_append_only();
