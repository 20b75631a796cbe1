-- Compact match run lists become the default (docs/adr/0035-compact-match-run-lists.md). V213
-- seeded the flag off for 0.36, whose predecessor reads only JSON lists. 0.36 reads both forms, and
-- from this release on the oldest release that can serve beside it or come back in a rollback is
-- 0.36, so every new run may be stored compact.
--
-- Only a flag still as V213 left it changes: an operator who set it through /actuator/flags
-- (updated_by names them) keeps their choice. The change enters the flag's own history with the
-- whole flag before and after, as a change through the endpoint does.
with before as (
    select * from feature_flag
     where key = 'matching.compact-run-lists'
       and updated_by = 'migration'
       and default_variant = 'off'
       for update
),
after as (
    update feature_flag f
       set default_variant = 'on',
           version = f.version + 1,
           updated_at = now(),
           updated_by = 'migration'
      from before b
     where f.key = b.key
    returning f.*
)
insert into feature_flag_change (key, changed_by, before, after)
select b.key,
       'migration',
       jsonb_build_object('key', b.key, 'description', b.description, 'enabled', b.enabled,
                          'defaultVariant', b.default_variant, 'variants', b.variants,
                          'rules', b.rules, 'version', b.version, 'updatedAt', b.updated_at,
                          'updatedBy', b.updated_by),
       jsonb_build_object('key', a.key, 'description', a.description, 'enabled', a.enabled,
                          'defaultVariant', a.default_variant, 'variants', a.variants,
                          'rules', a.rules, 'version', a.version, 'updatedAt', a.updated_at,
                          'updatedBy', a.updated_by)
  from before b join after a on a.key = b.key;
