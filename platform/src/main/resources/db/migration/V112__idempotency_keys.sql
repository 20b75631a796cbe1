-- Idempotency-Key (issue 7): the first response to a keyed POST, replayed for a repeat of the
-- same request by the same account within 24 hours. Rows are written once and deleted on expiry.
create table idempotency_key (
    account_id        uuid          not null references account (id) on delete cascade,
    idempotency_key   varchar(200)  not null,
    -- SHA-256 of the operation and the request body: a different request under the same key is
    -- refused rather than answered with someone else's response
    request_hash      bytea         not null,
    response_status   integer       not null check (response_status between 200 and 599),
    -- Location, ETag and Content-Type of the first response
    response_headers  jsonb         not null default '{}'::jsonb,
    response_body     text,
    created_at        timestamptz   not null,
    expires_at        timestamptz   not null,
    primary key (account_id, idempotency_key),
    check (expires_at > created_at)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);
