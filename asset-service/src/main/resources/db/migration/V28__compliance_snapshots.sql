-- The daily snapshot of every compliance control (issue 20): its status and counts as computed that day, the
-- trend an auditor asks for over a period (GET /api/v1/compliance/trend). One row per day (company zone) and
-- control: a second run on the same day (another replica, a restart) keeps the first. A control failing where
-- its previous snapshot passed emits compliance.control.failing through the outbox, in the same transaction.
create table compliance_snapshot (
    day         date        not null,
    control_id  varchar(16) not null,
    status      varchar(8)  not null check (status in ('passing', 'failing')),
    population  bigint      not null,
    passing     bigint      not null,
    failing     bigint      not null,
    excepted    bigint      not null,
    taken_at    timestamptz not null,
    primary key (day, control_id)
);
create index compliance_snapshot_control_ix on compliance_snapshot (control_id, day);
