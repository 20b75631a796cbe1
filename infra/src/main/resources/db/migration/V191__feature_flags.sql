-- Feature flags (issue 24 item 5, docs/feature-flags.md): read by the OpenFeature provider
-- PostgresFeatureProvider of every database target, changed at run time through /actuator/flags.

-- One row per flag. variants maps a variant name to its JSON value (boolean, string, number);
-- rules is an ordered JSON list, the first matching rule chooses the variant:
--   {"environments": ["staging"], "attributes": {"centre": ["AIIMS Delhi"]},
--    "percentage": 30, "variant": "candidate"}
-- default_variant null means "the caller's own default" (what the code does without the flag).
create table feature_flag (
    key              text        primary key,
    description      text        not null default '',
    enabled          boolean     not null default true,
    default_variant  text,
    variants         jsonb       not null default '{}',
    rules            jsonb       not null default '[]',
    version          bigint      not null default 1,
    updated_at       timestamptz not null default now(),
    updated_by       text        not null default 'migration',
    constraint feature_flag_variants_object check (jsonb_typeof(variants) = 'object'),
    constraint feature_flag_rules_list check (jsonb_typeof(rules) = 'array'),
    constraint feature_flag_default_is_a_variant
        check (default_variant is null or variants ? default_variant)
);

-- Every change, with the flag before and after, in the transaction that made it: the flags' own
-- history, next to the coordinator's audit entry of the request.
create table feature_flag_change (
    id          bigint      generated always as identity primary key,
    key         text        not null,
    changed_at  timestamptz not null default now(),
    changed_by  text        not null,
    before      jsonb,
    after       jsonb
);
create index feature_flag_change_key_idx on feature_flag_change (key, changed_at desc);

-- The flags the code reads. The allocation canary starts switched off (every run keeps the
-- configured ramsetu.allocation.policy). The prediction cache is on where it pays, as measured in
-- docs/PERFORMANCE.md ("Prediction cache"): in front of the HTTP scoring client (api, worker), not
-- in front of in-process scoring (all), where a lookup costs about what the model does.
insert into feature_flag (key, description, enabled, default_variant, variants, rules)
values
    ('allocation.policy-version',
     'Allocation policy version of a run, bucketed by pledge id; the configured ramsetu.allocation.policy when no rule matches',
     false,
     null,
     '{"candidate": "allocation/ramsetu-2026-2"}',
     '[{"percentage": 10, "variant": "candidate"}]'),
    ('scoring.prediction-cache',
     'Serves ML scores from the prediction cache, keyed by (model version, feature vector)',
     true,
     'off',
     '{"on": true, "off": false}',
     '[{"attributes": {"scoring": ["http"]}, "variant": "on"}]');
