-- Up-to-date inventory: attestations that an asset is still where the register says, and reminders
create table asset_verification (
    id          uuid primary key,
    asset_id    uuid         not null references asset (id),
    verified_at timestamptz  not null,
    verified_by varchar(254) not null,
    note        varchar(1000)
);
create index asset_verification_asset_ix on asset_verification (asset_id, verified_at desc);

-- the due date a reminder was last sent for, so the daily job reminds once per due date
alter table asset add column verification_reminded_for timestamptz;
create index asset_verification_due_ix on asset (next_verification_due)
    where status not in ('DISPOSED', 'RETIRED', 'LOST', 'STOLEN');
