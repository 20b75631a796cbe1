-- Registry (issue 7): donor profiles and organ pledges.
-- Every enum column has a CHECK; every updatable row has a version for optimistic concurrency.

-- One medical profile per donor account. Stored only with the donor's consent (consent_given_at).
create table donor_profile (
    account_id        uuid              primary key references account (id),
    blood_group       varchar(3)        not null
        check (blood_group in ('O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-')),
    date_of_birth     date              not null check (date_of_birth >= date '1900-01-01'),
    sex               varchar(6)        not null check (sex in ('FEMALE', 'MALE')),
    height_cm         double precision  not null check (height_cm between 40 and 250),
    weight_kg         double precision  not null check (weight_kg between 2 and 300),
    city              varchar(100)      not null check (length(btrim(city)) > 0),
    -- lower-cased, blank-collapsed city: what the coordinator's city filter compares
    city_key          varchar(100)      not null,
    state             varchar(60)       not null,
    latitude          double precision  not null check (latitude between -90 and 90),
    longitude         double precision  not null check (longitude between -180 and 180),
    -- canonical serological typing, e.g. 'A2 A24 B7 B44 DR15'; null until typed
    hla_typing        varchar(200),
    hypertension      boolean           not null,
    diabetes          boolean           not null,
    medical_notes     varchar(4000),
    consent_given_at  timestamptz       not null,
    created_at        timestamptz       not null,
    updated_at        timestamptz       not null,
    version           bigint            not null default 0
);
-- Coordinator pledge filters by the donor's city, state and blood group start here.
create index donor_profile_city_idx on donor_profile (city_key);
create index donor_profile_state_idx on donor_profile (state);
create index donor_profile_blood_group_idx on donor_profile (blood_group);

create table pledge (
    id                 uuid         primary key,
    donor_id           uuid         not null references account (id),
    organ              varchar(6)   not null check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    status             varchar(9)   not null
        check (status in ('PENDING', 'VERIFIED', 'REJECTED', 'DONATED', 'WITHDRAWN')),
    -- the explicit consent given with the pledge, and when
    consent_given_at   timestamptz  not null,
    -- per-organ test results in canonical units (validated by the clinical core on write and read)
    tests              jsonb        not null default '{}'::jsonb,
    rejection_reason   varchar(1000),
    created_at         timestamptz  not null,
    status_changed_at  timestamptz  not null,
    status_changed_by  uuid         references account (id),
    version            bigint       not null default 0,
    constraint pledge_rejection_has_reason
        check ((status = 'REJECTED') = (rejection_reason is not null))
);
-- One open pledge per donor and organ: the database refuses a second even under concurrency.
create unique index pledge_one_open_per_donor_and_organ
    on pledge (donor_id, organ) where status in ('PENDING', 'VERIFIED');
-- List queries, each in keyset order (created_at desc, id desc):
create index pledge_donor_idx on pledge (donor_id, created_at desc, id desc);
create index pledge_created_idx on pledge (created_at desc, id desc);
create index pledge_status_idx on pledge (status, created_at desc, id desc);
create index pledge_organ_idx on pledge (organ, created_at desc, id desc);
create index pledge_organ_status_idx on pledge (organ, status, created_at desc, id desc);
