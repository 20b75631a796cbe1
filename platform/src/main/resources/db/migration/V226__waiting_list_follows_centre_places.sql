-- The cached waiting list (V150's generation counter) measures distances from the centres'
-- coordinates since V224; an administrator's correction of a centre's place must be read again,
-- as a change of a request or a patient's profile is. Statement-level, like the others.
create trigger waiting_list_centres_changed after update on transplant_centre
    for each statement execute function waiting_list_changed();
