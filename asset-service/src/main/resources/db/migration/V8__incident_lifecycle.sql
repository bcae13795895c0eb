-- Incident lifecycle (policy: Loss or Theft of Assets): personal devices, containment, closure, timeline

-- an incident is about an inventory asset or about an unregistered personal device, exactly one
alter table incident alter column asset_id drop not null;
alter table incident alter column previous_asset_status drop not null;
alter table incident add column device_type varchar(16);
alter table incident add column device_description varchar(500);
alter table incident add constraint incident_asset_or_device_ck
    check ((asset_id is null) <> (device_type is null));
alter table incident add constraint incident_device_type_ck
    check (device_type is null or device_type in ('PHONE', 'LAPTOP', 'TABLET', 'OTHER'));
alter table incident add constraint incident_asset_has_previous_status_ck
    check (asset_id is null or previous_asset_status is not null);

-- open -> contained (first action) -> closed, or open | contained -> recovered
alter table incident add column contained_at timestamptz;
alter table incident add column contained_by varchar(254);
alter table incident add column closed_at    timestamptz;
alter table incident add column closed_by    varchar(254);
alter table incident add column closure_note varchar(2000);
alter table incident add constraint incident_contained_ck
    check ((contained_at is null) = (contained_by is null));
alter table incident add constraint incident_closed_ck
    check ((closed_at is not null) = (status in ('CLOSED', 'RECOVERED')) and (closed_at is null) = (closed_by is null));
alter table incident add constraint incident_recovered_asset_ck
    check (status <> 'RECOVERED' or asset_id is not null);

-- containment actions, append-only, numbered per incident in the order they were recorded
create table incident_action (
    id           uuid primary key,
    incident_id  uuid          not null references incident (id),
    position     integer       not null,
    action       varchar(32)   not null,
    note         varchar(2000),
    performed_by varchar(254)  not null,
    performed_at timestamptz   not null,
    constraint incident_action_position_uq unique (incident_id, position),
    constraint incident_action_ck check (action in ('ACCESS_REVOKED', 'REMOTE_LOCK_REQUESTED',
                                                    'REMOTE_WIPE_REQUESTED', 'CREDENTIALS_ROTATED', 'OTHER'))
);

-- the list: newest first, keyset on (reported_at, id)
create index incident_reported_at_ix on incident (reported_at desc, id desc);
create index incident_reported_by_at_ix on incident (reported_by, reported_at desc, id desc);
create index incident_status_ix on incident (status, reported_at desc, id desc);
