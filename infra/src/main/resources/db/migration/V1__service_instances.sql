-- Running RamSetu processes (any target), each refreshed by a heartbeat. Lets operators and
-- other instances see who is alive, and proves that horizontally scaled instances share state.
create table service_instance (
    id           varchar(64)  primary key,
    target       varchar(16)  not null check (target in ('all', 'api', 'scoring', 'worker')),
    host         varchar(255) not null,
    port         integer      not null check (port between 1 and 65535),
    version      varchar(64)  not null,
    started_at   timestamptz  not null,
    heartbeat_at timestamptz  not null
);

create index service_instance_heartbeat_idx on service_instance (heartbeat_at);
