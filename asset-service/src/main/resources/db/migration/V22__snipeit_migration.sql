-- A Snipe-IT migration keeps every row and every fact (issue 18).

-- The category a file named when it is not one of ours ("Monitors", "Docking stations"): kept beside the
-- category it was mapped to (often "other"), shown, filtered on and exported back
alter table asset add column original_category varchar(100);
alter table asset_aud add column original_category varchar(100);

-- Custody an import migrated (the assignee of a Snipe-IT asset): the import is its actor, and no acceptable-use
-- acknowledgement was asked for it; every other custody still needs one
alter table custody alter column acknowledgement_id drop not null;
alter table custody add column import_job_id uuid references import_job (id);
alter table custody add constraint custody_acknowledged_or_imported_ck
    check (acknowledgement_id is not null or import_job_id is not null);

-- staging: the original category and the holder a row names
alter table import_row add column original_category varchar(100);
alter table import_row add column holder_person_id uuid;

-- the job's custody report: holders set, and the assignees the directory does not know (row, column, value)
alter table import_job add column holders_set bigint;
create table import_unknown_assignee (
    job_id      uuid         not null references import_job (id),
    row_number  bigint       not null,
    column_name varchar(100) not null,
    value       varchar(500) not null
);
create index import_unknown_assignee_job_ix on import_unknown_assignee (job_id, row_number);
