-- SCIM Groups: a group the identity provider pushes is a Custodian group. Its externalId is kept as
-- sent; a SCIM DELETE deactivates the group (an asset never loses its owner): its assets stay its own and
-- are listed for ownership transfer, the SCIM resource answers 404, and the row stays for the audit trail.

alter table asset_group add column scim_external_id varchar(255);
alter table asset_group_aud add column scim_external_id varchar(255);

alter table asset_group add column deactivated_at timestamp with time zone;
alter table asset_group_aud add column deactivated_at timestamp with time zone;
