-- Exceptions to the Asset Management Policy: requested by anyone, decided by leadership, expired by a job
create table policy_exception (
    id            uuid primary key,
    clause        varchar(32)   not null,
    justification varchar(4000) not null,
    status        varchar(16)   not null,
    requested_by  varchar(254)  not null,
    requested_at  timestamptz   not null,
    wanted_until  date          not null,
    decided_by    varchar(254),
    decided_at    timestamptz,
    decision_note varchar(2000),
    valid_until   date,
    expired_at    timestamptz,
    version       bigint        not null default 0,
    constraint policy_exception_clause_ck check (clause in ('INVENTORY', 'OWNERSHIP', 'ACCEPTABLE_USE',
                                                            'LOSS_OR_THEFT', 'RETURN', 'HANDLING')),
    constraint policy_exception_status_ck check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'EXPIRED')),
    constraint policy_exception_decided_ck check ((status = 'REQUESTED') = (decided_at is null)),
    constraint policy_exception_valid_until_ck check ((status in ('APPROVED', 'EXPIRED')) = (valid_until is not null))
);
-- lists are newest first; keyset pages walk (requested_at, id) backwards
create index policy_exception_page_ix on policy_exception (requested_at desc, id desc);
create index policy_exception_requester_ix on policy_exception (requested_by, requested_at desc, id desc);
create index policy_exception_status_ix on policy_exception (status, requested_at desc, id desc);
-- the expiry job's query
create index policy_exception_expiry_ix on policy_exception (valid_until) where status = 'APPROVED';

create table policy_exception_asset (
    exception_id uuid    not null references policy_exception (id),
    position     integer not null,
    asset_id     uuid    not null references asset (id),
    primary key (exception_id, position),
    constraint policy_exception_asset_uq unique (exception_id, asset_id)
);
create index policy_exception_asset_asset_ix on policy_exception_asset (asset_id);

-- Violations of the policy: reported by anyone, acknowledged and closed by leadership
create table policy_violation (
    id                   uuid primary key,
    status               varchar(16)   not null,
    description          varchar(4000) not null,
    clause               varchar(32),
    occurred_at          timestamptz,
    person_id            uuid references person (id),
    asset_id             uuid references asset (id),
    reported_by          varchar(254)  not null,
    reported_at          timestamptz   not null,
    acknowledged_by      varchar(254),
    acknowledged_at      timestamptz,
    acknowledgement_note varchar(2000),
    closed_by            varchar(254),
    closed_at            timestamptz,
    outcome              varchar(4000),
    version              bigint        not null default 0,
    constraint policy_violation_status_ck check (status in ('REPORTED', 'ACKNOWLEDGED', 'CLOSED')),
    constraint policy_violation_clause_ck check (clause in ('INVENTORY', 'OWNERSHIP', 'ACCEPTABLE_USE',
                                                            'LOSS_OR_THEFT', 'RETURN', 'HANDLING')),
    constraint policy_violation_closed_ck check ((status = 'CLOSED') = (outcome is not null))
);
create index policy_violation_page_ix on policy_violation (reported_at desc, id desc);
create index policy_violation_reporter_ix on policy_violation (reported_by, reported_at desc, id desc);
create index policy_violation_status_ix on policy_violation (status, reported_at desc, id desc);
create index policy_violation_person_ix on policy_violation (person_id) where person_id is not null;
create index policy_violation_asset_ix on policy_violation (asset_id) where asset_id is not null;
