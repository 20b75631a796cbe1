-- Reports as background jobs (issue 24, item 4).

-- One row per generated monthly registry report: the month is the key, so a month is generated
-- once however often it is asked for (the scheduler's run, a coordinator's request, a retried
-- job). The figures themselves live in the blob store (CSV and PDF); totals are kept here for
-- the report list.
create table registry_report (
    month           date          primary key check (extract(day from month) = 1),
    generated_at    timestamptz   not null,
    -- the coordinator who asked; null for the scheduled run
    requested_by    uuid          references account (id),
    csv_key         varchar(300)  not null,
    csv_bytes       bigint        not null check (csv_bytes >= 0),
    csv_sha256      varchar(64)   not null,
    pdf_key         varchar(300)  not null,
    pdf_bytes       bigint        not null check (pdf_bytes >= 0),
    pdf_sha256      varchar(64)   not null,
    totals          jsonb         not null
);

-- A coordinator's export too large to stream in a request, written by a worker to the blob
-- store. kind and filters are what the coordinator asked (the job rebuilds the query from them,
-- checked again); progress is written by the job at most about once a second.
create table report_export (
    id              uuid          primary key,
    kind            varchar(40)   not null,
    filters         jsonb         not null,
    requested_by    uuid          not null references account (id),
    requested_at    timestamptz   not null,
    status          varchar(8)    not null check (status in ('QUEUED', 'RUNNING', 'READY')),
    rows_total      bigint        check (rows_total >= 0),
    rows_written    bigint        not null default 0 check (rows_written >= 0),
    started_at      timestamptz,
    finished_at     timestamptz,
    blob_key        varchar(300),
    bytes           bigint,
    sha256          varchar(64),
    constraint report_export_ready_has_file
        check ((status = 'READY') = (blob_key is not null and finished_at is not null))
);
create index report_export_requester_idx on report_export (requested_by, requested_at desc);
-- Expired export files are removed by age.
create index report_export_finished_idx on report_export (finished_at) where status = 'READY';
