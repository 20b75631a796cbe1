-- Documents (issue 7): metadata here, bytes in the blob store under blob_key.
create table document (
    id            uuid          primary key,
    owner_id      uuid          not null references account (id),
    type          varchar(16)   not null
        check (type in ('ID_PROOF', 'CONSENT_FORM', 'MEDICAL_REPORT', 'IMAGING', 'OTHER')),
    pledge_id     uuid          references pledge (id),
    request_id    uuid          references transplant_request (id),
    file_name     varchar(200)  not null,
    -- sniffed from the content, never taken from the client
    content_type  varchar(20)   not null
        check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes    bigint        not null check (size_bytes > 0),
    sha256        char(64)      not null check (sha256 ~ '^[0-9a-f]{64}$'),
    blob_key      varchar(300)  not null unique,
    status        varchar(8)    not null check (status in ('PENDING', 'VERIFIED', 'REJECTED')),
    review_note   varchar(1000),
    reviewed_by   uuid          references account (id),
    reviewed_at   timestamptz,
    created_at    timestamptz   not null,
    version       bigint        not null default 0,
    constraint document_one_link check (pledge_id is null or request_id is null),
    constraint document_rejection_has_reason check (status <> 'REJECTED' or review_note is not null)
);
-- "my documents", newest first (keyset)
create index document_owner_idx on document (owner_id, created_at desc, id desc);
-- the coordinators' review queue, oldest first (keyset)
create index document_status_idx on document (status, created_at, id);
create index document_pledge_idx on document (pledge_id) where pledge_id is not null;
create index document_request_idx on document (request_id) where request_id is not null;
