-- Bulk import of the register from CSV (issue 6): a job per uploaded file, its per-row errors, and an
-- unlogged staging table the file is copied into before one set-based merge into asset.

create table import_job (
    id                     uuid primary key,
    state                  varchar(16)  not null,
    dialect                varchar(16),
    mode                   varchar(16)  not null,
    dry_run                boolean      not null,
    default_owner_group_id uuid references asset_group (id),
    file_path              varchar(1000),
    file_size              bigint       not null default 0,
    started_by             varchar(254) not null,
    submitted_at           timestamptz  not null,
    started_at             timestamptz,
    finished_at            timestamptz,
    progress               integer      not null default 0,
    rows_read              bigint       not null default 0,
    rows_created           bigint       not null default 0,
    rows_updated           bigint       not null default 0,
    rows_unchanged         bigint       not null default 0,
    rows_rejected          bigint       not null default 0,
    -- the history revision (revinfo.rev) every asset row written by this import carries
    revision               bigint,
    attempts               integer      not null default 0,
    failure                text,
    constraint import_job_state_ck check (state in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REJECTED')),
    constraint import_job_mode_ck check (mode in ('ALL_OR_NOTHING', 'SKIP_INVALID'))
);
create index import_job_unfinished_ix on import_job (submitted_at) where state in ('QUEUED', 'RUNNING');

create table import_error (
    job_id      uuid         not null references import_job (id),
    row_number  bigint       not null,
    column_name varchar(100) not null,
    reason      varchar(500) not null
);
create index import_error_job_ix on import_error (job_id, row_number);

-- Rows of a running import, valid as far as one row can tell; emptied when the job ends. Unlogged: a crash
-- empties it, and the job is then run again from its file.
create unlogged table import_row (
    job_id          uuid         not null,
    row_number      bigint       not null,
    asset_tag       varchar(64)  not null,
    name            varchar(200) not null,
    category        varchar(32)  not null,
    classification  varchar(16),
    status          varchar(16)  not null,
    serial_number   varchar(100),
    manufacturer    varchar(100),
    model           varchar(100),
    notes           text,
    location        varchar(200),
    purchase_date   date,
    warranty_until  date,
    owner_person_id uuid,
    owner_group_id  uuid
);
create index import_row_job_ix on import_row (job_id, row_number);
