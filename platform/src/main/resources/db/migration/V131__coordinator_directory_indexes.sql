-- Coordinators' donor and patient directories (issue 7): newest first in keyset pages, each
-- filter with an index in that order, and prefix search on names and e-mail addresses.
create index donor_profile_created_idx on donor_profile (created_at desc, account_id desc);
create index donor_profile_city_created_idx
    on donor_profile (city_key, created_at desc, account_id desc);
create index donor_profile_state_created_idx
    on donor_profile (state, created_at desc, account_id desc);
create index donor_profile_blood_created_idx
    on donor_profile (blood_group, created_at desc, account_id desc);

create index patient_profile_created_idx on patient_profile (created_at desc, account_id desc);
create index patient_profile_city_created_idx
    on patient_profile (hospital_city_key, created_at desc, account_id desc);
create index patient_profile_state_created_idx
    on patient_profile (hospital_state, created_at desc, account_id desc);
create index patient_profile_blood_created_idx
    on patient_profile (blood_group, created_at desc, account_id desc);

-- "starts with" search (LIKE 'prefix%') on the lower-cased name and the e-mail key
create index account_name_prefix_idx on account (lower(full_name) text_pattern_ops);
create index account_email_prefix_idx on account (email_key text_pattern_ops);

-- the waiting-list figures of /admin/stats
create index transplant_request_waiting_idx
    on transplant_request (organ, listed_at) where status = 'WAITING';

-- The single-column indexes of V110/V111 are prefixes of the ones above: drop the duplicates.
drop index donor_profile_city_idx;
drop index donor_profile_state_idx;
drop index donor_profile_blood_group_idx;
drop index patient_profile_city_idx;
drop index patient_profile_state_idx;
drop index patient_profile_blood_group_idx;
