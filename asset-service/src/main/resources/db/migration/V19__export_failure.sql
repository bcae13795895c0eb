-- Why a failed export ended early: the client closed the connection, or the database or the service failed.
-- Exports that failed before this column existed keep no reason.
alter table export_log add column failure varchar(32);
alter table export_log add constraint export_log_failure_ck
    check (failure is null or (status = 'FAILED' and failure in ('CLIENT_DISCONNECTED', 'SERVER_ERROR')));
