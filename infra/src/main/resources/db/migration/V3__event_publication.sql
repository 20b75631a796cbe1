-- Transactional outbox: Spring Modulith's event publication registry (schema v2 for PostgreSQL,
-- as shipped in spring-modulith-events-jdbc 2.0.3). A business transaction writes its row here;
-- the relay completes it after handing the job to the queue.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
