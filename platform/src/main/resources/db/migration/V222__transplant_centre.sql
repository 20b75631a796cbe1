-- Transplant centres (issue 20, item 1): the hospitals licensed to transplant, each with its
-- registration number under the transplantation law, its place and its programmes (the organs it
-- transplants). Coordinators with the administrator right keep this registry; the coordinates here
-- are verified by them, so that distances and ischaemia can be measured from the centre a patient
-- is listed at instead of from coordinates a patient typed.
create table transplant_centre (
    id                   uuid              primary key,
    name                 varchar(200)      not null check (length(btrim(name)) > 0),
    registration_number  varchar(64)       not null,
    -- upper-cased, blanks removed: 'mh/ttx/ 2019/01' and 'MH/TTX/2019/01' are one registration
    registration_key     varchar(64)       not null unique,
    city                 varchar(100)      not null check (length(btrim(city)) > 0),
    state                varchar(60)       not null,
    latitude             double precision  not null check (latitude between -90 and 90),
    longitude            double precision  not null check (longitude between -180 and 180),
    -- the organs it transplants, e.g. {KIDNEY,LIVER}; at least one
    programmes           text[]            not null check (cardinality(programmes) > 0),
    created_by           uuid              not null references account (id),
    created_at           timestamptz       not null,
    updated_by           uuid              not null references account (id),
    updated_at           timestamptz       not null,
    version              bigint            not null default 0
);

create index transplant_centre_listing on transplant_centre (created_at desc, id desc);

-- Which centre each coordinator works for: one at most, so a coordinator's decisions are made for
-- one centre's patients. Moving a coordinator replaces the row.
create table centre_coordinator (
    account_id   uuid         primary key references account (id),
    centre_id    uuid         not null references transplant_centre (id),
    assigned_by  uuid         not null references account (id),
    assigned_at  timestamptz  not null
);

create index centre_coordinator_centre on centre_coordinator (centre_id, assigned_at);
