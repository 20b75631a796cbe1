-- What a match run accounts for beyond its ranked and excluded lists: the organ's other pledges,
-- counted by reason ({"PENDING": 120, "BLOOD_GROUP_NEVER_ALLOWED": 30000, ...}), so that ranked +
-- excluded + counted = every pledge of the organ when the run started. Null for runs recorded
-- before this column: they did not count (the release before this one does not write it).
alter table match_run add column counted jsonb;
