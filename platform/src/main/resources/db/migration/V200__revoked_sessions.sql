-- Sessions whose access tokens stop working at once (issue 23, item 3). A session is one login,
-- the refresh-token family; its access tokens name it in the claim "sid". Every API instance
-- checks each request's session against this table (in memory while it hears the notifications
-- below, by a primary-key read otherwise), so a logout, a password reset, a refresh-token reuse
-- or a coordinator's "revoke sessions" ends the session everywhere instead of when its access
-- tokens expire.
create table revoked_session (
    family_id   uuid         primary key,
    account_id  uuid         not null,
    revoked_at  timestamptz  not null
);
-- Access tokens issued before sessions were named carry no "sid": they are refused when their
-- account has a session revoked after they were issued. Remove with that rule.
create index revoked_session_account_idx on revoked_session (account_id, revoked_at);

-- Filled by the database whenever a refresh-token family is revoked, whichever release revoked it
-- (during a rolling deploy the previous release keeps revoking the old way). The notification
-- reaches every instance listening on the channel when the revoking transaction commits; each
-- keeps the table in memory, so the check per request costs no query (accounts/RevocationCache).
create function record_revoked_session() returns trigger
    language plpgsql as $$
begin
    insert into revoked_session (family_id, account_id, revoked_at)
    values (new.family_id, new.account_id, new.revoked_at)
    on conflict (family_id) do nothing;
    perform pg_notify('ramsetu_session_revoked', new.account_id::text);
    return null;
end
$$;

create trigger refresh_token_revoked
    after update of revoked_at on refresh_token
    for each row
    when (old.revoked_at is null and new.revoked_at is not null)
    execute function record_revoked_session();

-- Sessions revoked recently enough for their access tokens to be alive still.
insert into revoked_session (family_id, account_id, revoked_at)
select family_id, account_id, min(revoked_at)
from refresh_token
where revoked_at > now() - interval '1 day'
group by family_id, account_id
on conflict (family_id) do nothing;
