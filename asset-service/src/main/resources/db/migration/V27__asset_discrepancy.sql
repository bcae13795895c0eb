-- "I don't have this" (issue 17): the holder or owner of an asset says the register is wrong about it
-- (POST /api/v1/assets/{id}/discrepancies). Open while these are set; the next status change of the asset or an
-- attestation settles it. History: the same columns in asset_aud (V4), written by Envers with the change.
alter table asset
    add column discrepancy_reported_at timestamptz,
    add column discrepancy_reported_by varchar(320),
    add column discrepancy_note        text;
alter table asset_aud
    add column discrepancy_reported_at timestamptz,
    add column discrepancy_reported_by varchar(320),
    add column discrepancy_note        text;

-- IT's list of open discrepancies
create index asset_discrepancy_open_ix on asset (discrepancy_reported_at) where discrepancy_reported_at is not null;
