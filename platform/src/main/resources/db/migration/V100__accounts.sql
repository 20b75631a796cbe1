-- Accounts (issue 6). One account per e-mail and role; coordinators (ADMIN) are created only by
-- the bootstrap settings or `ramsetu admin create`, never by sign-up.
create table account (
    id                   uuid         primary key,
    email                varchar(254) not null,
    -- lower-cased e-mail: the identity for look-ups and uniqueness
    email_key            varchar(254) not null,
    role                 varchar(8)   not null check (role in ('DONOR', 'PATIENT', 'ADMIN')),
    full_name            varchar(200) not null check (length(btrim(full_name)) > 0),
    password_hash        varchar(200) not null,
    verified_at          timestamptz,
    created_at           timestamptz  not null,
    password_changed_at  timestamptz  not null,
    version              bigint       not null default 0,
    constraint account_email_role_unique unique (email_key, role)
);

-- One-time codes e-mailed for address verification and password reset. Only a keyed hash
-- (HMAC-SHA-256) of the code is kept; a code dies after 10 minutes, 5 wrong tries or one use.
create table one_time_code (
    id               uuid         primary key,
    account_id       uuid         not null references account (id) on delete cascade,
    purpose          varchar(16)  not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    code_hash        bytea        not null,
    created_at       timestamptz  not null,
    expires_at       timestamptz  not null,
    failed_attempts  integer      not null default 0 check (failed_attempts between 0 and 5),
    used_at          timestamptz,
    voided_at        timestamptz,
    check (expires_at > created_at)
);
create index one_time_code_account_idx on one_time_code (account_id, purpose, created_at desc);

-- Rotating refresh tokens: only the SHA-256 of the opaque token is stored. A family is one login;
-- presenting a token that was already rotated revokes the whole family (theft detection).
create table refresh_token (
    id          uuid         primary key,
    family_id   uuid         not null,
    account_id  uuid         not null references account (id) on delete cascade,
    token_hash  bytea        not null,
    issued_at   timestamptz  not null,
    expires_at  timestamptz  not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    constraint refresh_token_hash_unique unique (token_hash)
);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_account_idx on refresh_token (account_id) where revoked_at is null;
