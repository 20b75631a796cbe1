-- The donor record at donation (issue 20, item 3): what a coordinator records when a donor dies,
-- for allocation to work from clinical facts instead of the values a person entered when they
-- pledged. A case is opened from a verified pledge (the donor's own consent) or on a family's
-- consent for someone who never pledged, at any age. KDRI/KDPI is not stored: it is computed from
-- these columns whenever the case is read, so it always shows the formula of the running release.
create table donation_case (
    id                         uuid              primary key,
    status                     varchar(9)        not null check (status in ('OPEN', 'RECOVERED')),
    consent_basis              varchar(6)        not null check (consent_basis in ('PLEDGE', 'FAMILY')),
    -- the pledge that records the donor's consent, and its donor: a person dies once, so one case
    -- per donor account, whichever of their pledges it was opened from
    pledge_id                  uuid              references pledge (id),
    donor_id                   uuid              references account (id),
    age_years                  integer           not null check (age_years between 0 and 110),
    sex                        varchar(6)        not null check (sex in ('FEMALE', 'MALE')),
    height_cm                  double precision  not null check (height_cm between 30 and 250),
    weight_kg                  double precision  not null check (weight_kg between 0.5 and 300),
    blood_group                varchar(3)        not null
        check (blood_group in ('O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-')),
    -- canonical serological typing, e.g. 'A2 A24 B7 B44 DR15'
    hla_typing                 varchar(200)      not null,
    cause_of_death             varchar(15)       not null
        check (cause_of_death in ('CEREBROVASCULAR', 'HEAD_TRAUMA', 'ANOXIA', 'CNS_TUMOUR', 'OTHER')),
    pathway                    varchar(3)        not null check (pathway in ('DBD', 'DCD')),
    terminal_creatinine_mg_dl  double precision  not null
        check (terminal_creatinine_mg_dl between 0.01 and 40),
    hypertension               boolean           not null,
    diabetes                   boolean           not null,
    hcv                        varchar(8)        not null check (hcv in ('NEGATIVE', 'POSITIVE', 'PENDING')),
    hbv                        varchar(8)        not null check (hbv in ('NEGATIVE', 'POSITIVE', 'PENDING')),
    hiv                        varchar(8)        not null check (hiv in ('NEGATIVE', 'POSITIVE', 'PENDING')),
    declared_dead_at           timestamptz       not null,
    hospital_name              varchar(200)      not null,
    hospital_city              varchar(100)      not null,
    hospital_state             varchar(60)       not null,
    hospital_latitude          double precision  not null check (hospital_latitude between -90 and 90),
    hospital_longitude         double precision  not null check (hospital_longitude between -180 and 180),
    organs_consented           varchar(6)[]      not null check (cardinality(organs_consented) > 0),
    -- null until the recovery is recorded; then a subset of the consented organs (possibly none)
    organs_recovered           varchar(6)[],
    cross_clamp_at             timestamptz,
    opened_by                  uuid              not null references account (id),
    opened_at                  timestamptz       not null,
    updated_by                 uuid              not null references account (id),
    updated_at                 timestamptz       not null,
    version                    bigint            not null default 0,
    constraint donation_case_consent
        check ((consent_basis = 'PLEDGE') = (pledge_id is not null and donor_id is not null)),
    constraint donation_case_recovery
        check ((status = 'RECOVERED') = (organs_recovered is not null and cross_clamp_at is not null)),
    constraint donation_case_recovered_were_consented
        check (organs_recovered is null or organs_recovered <@ organs_consented),
    constraint donation_case_clamped_after_death
        check (cross_clamp_at is null or cross_clamp_at >= declared_dead_at)
);
create unique index donation_case_one_per_donor on donation_case (donor_id) where donor_id is not null;
-- The coordinators' list, newest first, in keyset order; and by status.
create index donation_case_opened_idx on donation_case (opened_at desc, id desc);
create index donation_case_status_idx on donation_case (status, opened_at desc, id desc);
