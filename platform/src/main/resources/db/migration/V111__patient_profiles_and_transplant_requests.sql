-- Registry (issue 7): patient profiles and transplant requests (the waiting list).

create table patient_profile (
    account_id              uuid              primary key references account (id),
    blood_group             varchar(3)        not null
        check (blood_group in ('O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-')),
    date_of_birth           date              not null check (date_of_birth >= date '1900-01-01'),
    sex                     varchar(6)        not null check (sex in ('FEMALE', 'MALE')),
    height_cm               double precision  not null check (height_cm between 40 and 250),
    weight_kg               double precision  not null check (weight_kg between 2 and 300),
    -- canonical serological typing, e.g. 'A2 A24 B7 B44 DR15'; null until typed
    hla_typing              varchar(200),
    -- canonical, space-separated, e.g. 'A1 B8'; empty when none
    unacceptable_antigens   varchar(1000)     not null default '',
    hospital_name           varchar(200)      not null check (length(btrim(hospital_name)) > 0),
    hospital_city           varchar(100)      not null check (length(btrim(hospital_city)) > 0),
    hospital_city_key       varchar(100)      not null,
    hospital_state          varchar(60)       not null,
    hospital_latitude       double precision  not null check (hospital_latitude between -90 and 90),
    hospital_longitude      double precision  not null
        check (hospital_longitude between -180 and 180),
    created_at              timestamptz       not null,
    updated_at              timestamptz       not null,
    version                 bigint            not null default 0
);
create index patient_profile_city_idx on patient_profile (hospital_city_key);
create index patient_profile_state_idx on patient_profile (hospital_state);
create index patient_profile_blood_group_idx on patient_profile (blood_group);

create table transplant_request (
    id                     uuid              primary key,
    patient_id             uuid              not null references account (id),
    organ                  varchar(6)        not null
        check (organ in ('KIDNEY', 'LIVER', 'HEART', 'CORNEA')),
    status                 varchar(12)       not null
        check (status in ('WAITING', 'MATCHED', 'TRANSPLANTED', 'REMOVED')),
    urgency                smallint          not null check (urgency between 1 and 5),
    -- per-organ clinical values in canonical units, as the scores below were computed from
    clinical               jsonb             not null,
    -- scores computed at listing, each with the version of its formula (and table)
    meld_na                smallint          check (meld_na between 6 and 40),
    meld_na_version        varchar(40),
    meld_3                 smallint          check (meld_3 between 6 and 40),
    meld_3_version         varchar(40),
    epts_raw               double precision,
    epts_percentile        smallint          check (epts_percentile between 0 and 100),
    epts_version           varchar(40),
    epts_table_version     varchar(80),
    epts_provisional       boolean,
    heart_status           smallint          check (heart_status between 1 and 7),
    heart_status_version   varchar(40),
    -- start of waiting time
    listed_at              timestamptz       not null,
    removal_reason         varchar(1000),
    status_changed_at      timestamptz       not null,
    status_changed_by      uuid              references account (id),
    version                bigint            not null default 0,
    constraint transplant_request_removal_has_reason
        check ((status = 'REMOVED') = (removal_reason is not null)),
    constraint transplant_request_liver_scores
        check ((organ = 'LIVER') = (meld_na is not null and meld_na_version is not null
            and meld_3 is not null and meld_3_version is not null)),
    -- EPTS is for adult kidney candidates only, so a kidney request may lack it
    constraint transplant_request_epts_for_kidney
        check (epts_raw is null or (organ = 'KIDNEY' and epts_version is not null
            and epts_percentile is not null and epts_table_version is not null
            and epts_provisional is not null)),
    constraint transplant_request_heart_status
        check ((organ = 'HEART') = (heart_status is not null and heart_status_version is not null))
);
-- One open request per patient and organ (NOTTO: no duplicate listing).
create unique index transplant_request_one_open_per_patient_and_organ
    on transplant_request (patient_id, organ) where status in ('WAITING', 'MATCHED');
-- List queries, each in keyset order (listed_at desc, id desc):
create index transplant_request_patient_idx
    on transplant_request (patient_id, listed_at desc, id desc);
create index transplant_request_listed_idx on transplant_request (listed_at desc, id desc);
create index transplant_request_status_idx
    on transplant_request (status, listed_at desc, id desc);
create index transplant_request_organ_idx on transplant_request (organ, listed_at desc, id desc);
create index transplant_request_organ_status_idx
    on transplant_request (organ, status, listed_at desc, id desc);
