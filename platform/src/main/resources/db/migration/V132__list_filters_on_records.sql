-- Coordinators filter pledges by the donor's city, state and blood group, and requests by the
-- hospital's city and state and the patient's blood group. Those facts live in the profiles; a
-- copy on each record, kept in step by triggers, lets each filter read an index in the list's
-- keyset order (at a million pledges a rare blood group took 0.5 s through the profile join).

alter table pledge
    add column donor_blood_group varchar(3),
    add column donor_city_key    varchar(100),
    add column donor_state       varchar(60);
update pledge p
   set donor_blood_group = d.blood_group, donor_city_key = d.city_key, donor_state = d.state
  from donor_profile d
 where d.account_id = p.donor_id;

alter table transplant_request
    add column patient_blood_group varchar(3),
    add column hospital_city_key   varchar(100),
    add column hospital_state      varchar(60);
update transplant_request r
   set patient_blood_group = p.blood_group, hospital_city_key = p.hospital_city_key,
       hospital_state = p.hospital_state
  from patient_profile p
 where p.account_id = r.patient_id;

-- A new record takes the facts of its owner's profile as they are.
create function pledge_copy_donor_facts() returns trigger language plpgsql as $$
begin
    select blood_group, city_key, state
      into new.donor_blood_group, new.donor_city_key, new.donor_state
      from donor_profile where account_id = new.donor_id;
    return new;
end
$$;
create trigger pledge_copy_donor_facts before insert on pledge
    for each row execute function pledge_copy_donor_facts();

create function request_copy_patient_facts() returns trigger language plpgsql as $$
begin
    select blood_group, hospital_city_key, hospital_state
      into new.patient_blood_group, new.hospital_city_key, new.hospital_state
      from patient_profile where account_id = new.patient_id;
    return new;
end
$$;
create trigger request_copy_patient_facts before insert on transplant_request
    for each row execute function request_copy_patient_facts();

-- A changed or new profile passes its facts on to every record of its owner.
create function donor_profile_share_facts() returns trigger language plpgsql as $$
begin
    update pledge
       set donor_blood_group = new.blood_group, donor_city_key = new.city_key,
           donor_state = new.state
     where donor_id = new.account_id
       and (donor_blood_group, donor_city_key, donor_state)
           is distinct from (new.blood_group, new.city_key, new.state);
    return null;
end
$$;
create trigger donor_profile_share_facts after insert or update on donor_profile
    for each row execute function donor_profile_share_facts();

create function patient_profile_share_facts() returns trigger language plpgsql as $$
begin
    update transplant_request
       set patient_blood_group = new.blood_group, hospital_city_key = new.hospital_city_key,
           hospital_state = new.hospital_state
     where patient_id = new.account_id
       and (patient_blood_group, hospital_city_key, hospital_state)
           is distinct from (new.blood_group, new.hospital_city_key, new.hospital_state);
    return null;
end
$$;
create trigger patient_profile_share_facts after insert or update on patient_profile
    for each row execute function patient_profile_share_facts();

create index pledge_blood_created_idx on pledge (donor_blood_group, created_at desc, id desc);
create index pledge_city_created_idx on pledge (donor_city_key, created_at desc, id desc);
create index pledge_state_created_idx on pledge (donor_state, created_at desc, id desc);
create index transplant_request_blood_listed_idx
    on transplant_request (patient_blood_group, listed_at desc, id desc);
create index transplant_request_city_listed_idx
    on transplant_request (hospital_city_key, listed_at desc, id desc);
create index transplant_request_state_listed_idx
    on transplant_request (hospital_state, listed_at desc, id desc);
