-- A SCIM DELETE deprovisions: the person's off-boarding starts and the SCIM resource is gone (404
-- from then on, RFC 7644 §3.6), while the person stays in the directory for the audit trail.

alter table person add column scim_deleted_at timestamp with time zone;
alter table person_aud add column scim_deleted_at timestamp with time zone;

-- SCIM's userName as the identity provider sent it (case kept); the person's e-mail, their identity,
-- is its lower-case form, unique case-insensitively
alter table person add column scim_user_name varchar(254);
alter table person_aud add column scim_user_name varchar(254);
