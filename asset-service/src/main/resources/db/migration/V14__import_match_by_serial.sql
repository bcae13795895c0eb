-- Upsert by serial number: a row without an asset tag is matched to the asset with its serial number (and
-- manufacturer); its tag is filled in from that asset after staging, or the row is rejected.
alter table import_row alter column asset_tag drop not null;
