-- Return of assets (policy: Return of Assets): an off-boarding per leaver, started by the HR system, with one
-- item per asset the person holds (return) or owns (ownership transfer).
create table offboarding (
    id               uuid primary key,
    person_id        uuid         not null references person (id),
    last_working_day date         not null,
    source           varchar(16)  not null,
    reference        varchar(200),
    idempotency_key  varchar(200),
    status           varchar(16)  not null,
    started_at       timestamptz  not null,
    started_by       varchar(254) not null,
    completed_at     timestamptz,
    -- the day the last offboarding.return-overdue was sent, so the daily job escalates once per day
    escalated_on     date,
    version          bigint       not null default 0,
    constraint offboarding_source_ck check (source in ('WEBHOOK', 'SCIM')),
    constraint offboarding_status_ck check (status in ('OPEN', 'COMPLETED'))
);
-- the HR system's reference and the Idempotency-Key each name one off-boarding
create unique index offboarding_reference_uq on offboarding (reference) where reference is not null;
create unique index offboarding_idempotency_key_uq on offboarding (idempotency_key) where idempotency_key is not null;
-- at most one open off-boarding per person
create unique index offboarding_open_person_uq on offboarding (person_id) where status = 'OPEN';
create index offboarding_person_ix on offboarding (person_id);
-- the list in its keyset order, and the escalation job's candidates
create index offboarding_started_ix on offboarding (started_at desc, id desc);
create index offboarding_open_last_day_ix on offboarding (last_working_day) where status = 'OPEN';

create table offboarding_item (
    id             uuid primary key,
    offboarding_id uuid         not null references offboarding (id),
    asset_id       uuid         not null references asset (id),
    kind           varchar(24)  not null,
    status         varchar(16)  not null,
    closed_at      timestamptz,
    closed_by      varchar(254),
    condition      varchar(1000),
    waiver_reason  varchar(1000),
    constraint offboarding_item_kind_ck check (kind in ('RETURN', 'OWNERSHIP_TRANSFER')),
    constraint offboarding_item_status_ck check (status in ('PENDING', 'RETURNED', 'LOST', 'TRANSFERRED', 'WAIVED')),
    constraint offboarding_item_once_uq unique (offboarding_id, asset_id, kind)
);
-- check-ins, incidents and owner changes look up the pending items of their asset
create index offboarding_item_pending_asset_ix on offboarding_item (asset_id) where status = 'PENDING';
