-- The flag that switches match runs to compact lists (docs/adr/0035-compact-match-run-lists.md).
-- Seeded off: a release before 0.36 reads JSON lists only, and may still serve beside this one
-- during a rollout or come back in a rollback. Operators turn it on through /actuator/flags once no
-- such release will run again; the next release seeds it on. Runs already stored keep their form.
insert into feature_flag (key, description, enabled, default_variant, variants, rules)
values
    ('matching.compact-run-lists',
     'Match runs store their lists compact (read only by 0.36 and later) instead of as gzip JSON',
     true,
     'off',
     '{"on": true, "off": false}',
     '[]')
on conflict (key) do nothing;


comment on column match_run.candidates is
    'every ranked candidate, best first: a JSON array, gzip-compressed (first byte 0x1f), or compact rows (first byte 2, CompactRunLists)';
comment on column match_run.excluded is
    'every excluded pledge with its reasons: a JSON array, gzip-compressed (first byte 0x1f), or compact rows (first byte 2, CompactRunLists)';
