-- GET /api/v1/imports lists jobs newest first (submitted, then id) in keyset pages: an index in that order, so a
-- page reads its rows instead of sorting every job ever run.
create index import_job_submitted_ix on import_job (submitted_at desc, id desc);
