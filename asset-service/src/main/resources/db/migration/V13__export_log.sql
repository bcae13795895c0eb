-- Exports of the register (GET /api/v1/exports): who, when, which format and filters, how many rows.
-- Inserted when the export starts and updated when it ends, so an interrupted export stays on record.
create table export_log (
    id           uuid primary key,
    requested_by varchar(254)  not null,
    format       varchar(8)    not null,
    filters      varchar(8000) not null,
    status       varchar(16)   not null,
    started_at   timestamptz   not null,
    finished_at  timestamptz,
    row_count    bigint        not null default 0,
    constraint export_log_format_ck check (format in ('CSV', 'JSON')),
    constraint export_log_status_ck check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    constraint export_log_finished_ck check ((status = 'RUNNING') = (finished_at is null))
);
-- the list is newest first; keyset pages walk (started_at, id) backwards
create index export_log_page_ix on export_log (started_at desc, id desc);
create index export_log_requester_ix on export_log (requested_by, started_at desc, id desc);
