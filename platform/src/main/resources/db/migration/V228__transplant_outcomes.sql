-- Outcomes of a transplant that an accepted offer led to (issue 20, item 4): graft function at one
-- week and at three months, recorded by the transplanting centre when known.
alter table organ_offer add column graft_week1 varchar(24);
alter table organ_offer add column graft_month3 varchar(24);
alter table organ_offer add column outcome_recorded_at timestamptz;
alter table organ_offer add column outcome_recorded_by uuid references account (id);
alter table organ_offer add constraint organ_offer_graft_values_known
    check (coalesce(graft_week1, 'FUNCTIONING') in
               ('FUNCTIONING', 'DELAYED_FUNCTION', 'PRIMARY_NON_FUNCTION', 'FAILED', 'RECIPIENT_DIED')
       and coalesce(graft_month3, 'FUNCTIONING') in
               ('FUNCTIONING', 'DELAYED_FUNCTION', 'PRIMARY_NON_FUNCTION', 'FAILED', 'RECIPIENT_DIED'));
-- An outcome follows a recorded transplant.
alter table organ_offer add constraint organ_offer_outcome_after_transplant
    check ((graft_week1 is null and graft_month3 is null) or transplanted_at is not null);
