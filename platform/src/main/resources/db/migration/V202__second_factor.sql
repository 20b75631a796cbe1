-- A second factor for coordinators (issue 23, item 4): a TOTP secret per account, confirmed by
-- the first code it produced, and ten single-use recovery codes kept as SHA-256 only.
create table account_second_factor (
    account_id      uuid         primary key references account (id) on delete cascade,
    -- Base32, as the authenticator app was given it. The HMAC needs the secret itself, so it
    -- cannot be hashed; docs/SECURITY.md says how it is protected.
    totp_secret     text         not null,
    created_at      timestamptz  not null,
    -- Null while enrolment waits for the first code; sign-in needs it confirmed.
    confirmed_at    timestamptz,
    -- The time step of the last code accepted: a code is good once (RFC 6238 §5.2).
    last_used_step  bigint,
    -- Wrong codes since the last right one; every fifth locks the factor for longer (15 min,
    -- then doubling up to a day), whoever asks and from wherever.
    failed_attempts integer      not null default 0,
    locked_until    timestamptz
);

create table recovery_code (
    account_id  uuid         not null references account (id) on delete cascade,
    code_hash   bytea        not null,
    created_at  timestamptz  not null,
    used_at     timestamptz,
    primary key (account_id, code_hash)
);

-- When the login's second factor was last checked: carried from token to token of a refresh
-- family, so coordinators' access tokens say how recent it is and sensitive actions can ask for
-- it again. Null for logins without one (donors, patients, sessions started before this release).
alter table refresh_token add column second_factor_at timestamptz;
