-- A SCIM DELETE deprovisions: the person's off-boarding starts and the SCIM resource is gone (404
-- from then on, RFC 7644 §3.6), while the person stays in the directory for the audit trail.

alter table person add column scim_deleted_at timestamp with time zone;
alter table person_aud add column scim_deleted_at timestamp with time zone;
