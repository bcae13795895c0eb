-- Search and list of the register (GET /api/v1/assets): keyset pagination in asset_tag order.
-- Every filtered page is "filter = value and asset_tag > cursor order by asset_tag limit n", so each index
-- below ends in asset_tag: PostgreSQL walks it in page order and stops after n rows, whatever the table size.
-- The unfiltered list walks asset_tag_uq (V1).

-- the common register views: by category (and status), by status, by classification
create index asset_category_status_tag_ix on asset (category, status, asset_tag);
create index asset_status_tag_ix on asset (status, asset_tag);
create index asset_classification_tag_ix on asset (classification, asset_tag);

-- owner and holder, in page order (these replace V1's single-column indexes, which they cover: the
-- foreign-key checks and the employee's "held or owned by me" use the same leading column)
create index asset_owner_person_tag_ix on asset (owner_person_id, asset_tag) where owner_person_id is not null;
create index asset_owner_group_tag_ix on asset (owner_group_id, asset_tag) where owner_group_id is not null;
create index asset_holder_tag_ix on asset (holder_id, asset_tag) where holder_id is not null;
drop index asset_owner_person_ix;
drop index asset_owner_group_ix;
drop index asset_holder_ix;

-- exact serial number, whatever the manufacturer (V1's unique index leads with the manufacturer)
create index asset_serial_ix on asset (serial_number) where serial_number is not null;

-- overdue verification: a range on the due date
create index asset_next_verification_due_ix on asset (next_verification_due);

-- posture: the interesting answer is the rare one ("which laptops are not encrypted?"); the query spells
-- false as a literal so these partial indexes match
create index asset_disk_not_encrypted_ix on asset (asset_tag) where disk_encrypted = false;
create index asset_mdm_not_enrolled_ix on asset (asset_tag) where mdm_enrolled = false;
create index asset_no_screen_lock_ix on asset (asset_tag) where screen_lock = false;

-- free text on the name: case-insensitive substring through trigrams (pg_trgm is a trusted extension,
-- so the database owner may create it)
create extension if not exists pg_trgm;
create index asset_name_trgm_ix on asset using gin (lower(name) gin_trgm_ops);
