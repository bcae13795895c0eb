-- What a dry-run import would change, row by row (GET /api/v1/imports/{id}/changes): kept with the job, like its
-- errors. A real import's changes are the history rows of its revision instead.
create table import_change (
    job_id     uuid        not null references import_job (id),
    row_number bigint      not null,
    asset_tag  varchar(64) not null,
    action     varchar(8)  not null,
    changes    jsonb,
    constraint import_change_action_ck check (action in ('CREATE', 'UPDATE'))
);
create index import_change_job_ix on import_change (job_id, row_number);
