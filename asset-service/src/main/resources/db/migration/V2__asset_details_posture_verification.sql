-- The rest of an asset's register entry (issue: the complete asset register)
alter table asset
    add column location              varchar(200),
    add column purchase_date         date,
    add column warranty_until        date,
    -- device security posture, for endpoint categories; null = unknown
    add column disk_encrypted        boolean,
    add column mdm_enrolled          boolean,
    add column screen_lock           boolean,
    -- up-to-date inventory: when someone last attested the asset, and when that is due again
    add column last_verified_at      timestamptz,
    add column next_verification_due timestamptz;

update asset set next_verification_due = created_at + interval '90 days' where next_verification_due is null;
alter table asset alter column next_verification_due set not null;
