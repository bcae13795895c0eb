-- The id a staged row's asset gets if the import creates it, given at staging (time-ordered, version 7 UUIDs):
-- new assets then go to the end of the primary key's index, and the merge needs no id function per row.
alter table import_row add column asset_id uuid;
