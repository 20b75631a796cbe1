-- Nightly recomputation and reminders (issue 24, docs/reminders.md). Expand only: new tables,
-- which the previous release neither reads nor writes (a listing it makes gets its labs row from
-- the next nightly run).

-- When a listing's clinical values (the labs behind MELD, the kidney facts behind EPTS) were
-- reported, and when they are due for recertification (the OPTN MELD schedule for livers, a
-- setting for other organs). Until now the values counted from listing: a listing without a row
-- here reads as reported at listed_at, and the nightly run writes its row. A table of its own, not
-- columns of transplant_request: the previous release reads that table with "select *" through
-- server-prepared statements, which fail ("cached plan must not change result type") once the
-- table gains a column. Not back-filled here: the nightly run writes the rows in chunks.
create table transplant_request_labs (
    request_id        uuid        primary key references transplant_request (id),
    labs_reported_at  timestamptz not null,
    labs_due_at       timestamptz
);
-- The reminders list: listings in due order (joined to the waiting ones).
create index transplant_request_labs_due_idx on transplant_request_labs (labs_due_at, request_id);

-- One row per nightly run (its due time): what it looked at and what it changed. Counts grow chunk
-- by chunk in the chunk's own transaction, so a run resumed after a crash counts each row once.
create table nightly_recompute_run (
    scheduled_for     timestamptz primary key,
    started_at        timestamptz not null,
    finished_at       timestamptz,
    examined          integer     not null default 0,
    epts_changed      integer     not null default 0,
    -- EPTS left as it was: today's age or dialysis time is outside the formula's range
    epts_skipped      integer     not null default 0,
    labs_due_changed  integer     not null default 0,
    labs_overdue      integer     not null default 0
);

-- One reminder digest per coordinator and day, whichever run (or re-run) queued it.
create table reminder_digest (
    coordinator_id   uuid        not null references account (id),
    digest_on        date        not null,
    labs_due         integer     not null,
    pledges_pending  integer     not null,
    queued_at        timestamptz not null,
    primary key (coordinator_id, digest_on)
);
