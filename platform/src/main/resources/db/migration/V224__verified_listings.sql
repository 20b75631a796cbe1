-- Verified listings (issue 20, item 2): a transplant request counts for allocation only after a
-- coordinator of the patient's transplant centre has checked its clinical values and set its
-- urgency. Until then it is PENDING_VERIFICATION, stored as 'PENDING': the status column is
-- varchar(12), and widening it would break the previous release's prepared statements during a
-- rollout. Requests listed before this release stay as they are (see docs/registry.md).
alter table transplant_request drop constraint if exists transplant_request_status_check;
alter table transplant_request add constraint transplant_request_status_known
    check (status in ('PENDING', 'WAITING', 'MATCHED', 'TRANSPLANTED', 'REMOVED'));

-- The centre the patient is listed at (named by the patient, or the verifying coordinator's),
-- and the centre's last check: when, by whom, and what the urgency rests on.
alter table transplant_request add column centre_id uuid references transplant_centre (id);
alter table transplant_request add column verified_at timestamptz;
alter table transplant_request add column verified_by uuid references account (id);
alter table transplant_request add column urgency_evidence varchar(1000);
alter table transplant_request add constraint transplant_request_verification_whole
    check ((verified_at is null) = (verified_by is null)
        and (verified_at is null) = (urgency_evidence is null));
-- A pending request never counts without a centre check; a verified one always has its centre.
alter table transplant_request add constraint transplant_request_verified_at_centre
    check (verified_at is null or centre_id is not null);
create index transplant_request_centre_idx on transplant_request (centre_id, listed_at desc, id desc)
    where centre_id is not null;

-- A pending request is open too: one open request per patient and organ, whatever its status.
-- The previous release's "on conflict ... where status in ('WAITING', 'MATCHED')" still finds this
-- index, because its condition implies the new one.
create unique index transplant_request_one_open_per_patient_and_organ_v224
    on transplant_request (patient_id, organ) where status in ('PENDING', 'WAITING', 'MATCHED');
drop index transplant_request_one_open_per_patient_and_organ;

-- Published by the centres module: a centre's name and verified place, read by the registry for
-- listings and distances (the registry never reads the centres' tables).
create view listing_centre as
    select id, name, city, state, latitude, longitude from transplant_centre;
