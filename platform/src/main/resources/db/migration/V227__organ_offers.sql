-- Organ offers (issue 20, item 4): a recovered organ is offered down an allocation run's ranked
-- list to each candidate's transplant centre, each offer with a deadline. A sequence is the
-- offering of one case organ from one run; its row is what every change of the sequence locks.
create table offer_sequence (
    id uuid primary key,
    allocation_run_id uuid not null unique references allocation_run (id),
    donation_case_id uuid not null references donation_case (id),
    organ varchar(10) not null,
    status varchar(10) not null check (status in ('OPEN', 'ACCEPTED', 'EXHAUSTED')),
    -- the policy it runs under, copied when it started: a changed setting never moves a deadline
    simultaneous int not null check (simultaneous between 1 and 10),
    response_seconds int not null check (response_seconds > 0),
    provisional_seconds int not null check (provisional_seconds > 0),
    started_at timestamptz not null,
    started_by uuid not null references account (id),
    closed_at timestamptz,
    version bigint not null default 0
);
-- One live offering per case organ: a second one may start only after the first ran out.
create unique index offer_sequence_one_live_per_case_organ
    on offer_sequence (donation_case_id, organ) where status in ('OPEN', 'ACCEPTED');

create table organ_offer (
    id uuid primary key,
    sequence_id uuid not null references offer_sequence (id),
    request_id uuid not null references transplant_request (id),
    centre_id uuid not null references transplant_centre (id),
    rank int not null check (rank > 0),
    status varchar(12) not null
        check (status in ('OFFERED', 'PROVISIONAL', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    offered_at timestamptz not null,
    -- null when the offer was made by escalation (a decline or an expiry), not by a coordinator
    offered_by uuid references account (id),
    respond_by timestamptz not null,
    answered_at timestamptz,
    answered_by uuid references account (id),
    decline_reason varchar(24),
    note varchar(1000),
    transplanted_at timestamptz,
    transplant_recorded_by uuid references account (id),
    version bigint not null default 0,
    unique (sequence_id, request_id),
    -- an expired offer is declined as NO_RESPONSE
    check ((status in ('DECLINED', 'EXPIRED')) = (decline_reason is not null)),
    check (transplanted_at is null or status = 'ACCEPTED')
);
-- One final acceptance per organ offered.
create unique index organ_offer_one_acceptance on organ_offer (sequence_id) where status = 'ACCEPTED';
create index organ_offer_sequence_idx on organ_offer (sequence_id, rank);
-- A centre's inbox: its offers awaiting an answer, soonest deadline first.
create index organ_offer_centre_open_idx on organ_offer (centre_id, respond_by)
    where status in ('OFFERED', 'PROVISIONAL');
create index organ_offer_centre_idx on organ_offer (centre_id, offered_at desc);
