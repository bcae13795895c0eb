-- Posture from the MDM (issue 20): device reports keyed by serial number, in batches an MDM sync sends
-- (POST /api/v1/posture-reports). The three posture flags of V2 stay the asset's posture; a report also
-- records the OS version, the device's last check-in with the MDM, when the posture was last reported and by
-- which source (fleet, jamf, intune, ...). A hand edit of the posture (PATCH) leaves these untouched: only a
-- report is a report. History: the same columns in asset_aud (V4), written by Envers with the change.
alter table asset
    add column os_version          varchar(100),
    add column last_check_in_at    timestamptz,
    add column posture_reported_at timestamptz,
    add column posture_source      varchar(32);
alter table asset_aud
    add column os_version          varchar(100),
    add column last_check_in_at    timestamptz,
    add column posture_reported_at timestamptz,
    add column posture_source      varchar(32);

-- One row per batch the MDM sync sent: the batch id makes a batch idempotent (the same id twice changes
-- nothing), the digest of its reports tells a replay from a different batch under a reused id (409).
create table posture_batch (
    id                 varchar(200) primary key,
    digest             varchar(64)  not null,
    received_at        timestamptz  not null,
    received_by        varchar(254) not null,
    reports            integer      not null,
    updated            integer      not null,
    unregistered       integer      not null
);

-- Devices the MDM knows and the register does not ("unregistered devices"), by serial number, as last
-- reported. A device stops being unregistered the moment an asset with its serial number is registered:
-- the listing and the A.5.9 control join against asset, so nothing here has to be cleaned up for that.
create table unregistered_device (
    serial_number     varchar(100) primary key,
    source            varchar(32)  not null,
    disk_encrypted    boolean      not null,
    mdm_enrolled      boolean      not null,
    screen_lock       boolean      not null,
    os_version        varchar(100),
    last_check_in_at  timestamptz  not null,
    first_reported_at timestamptz  not null,
    last_reported_at  timestamptz  not null,
    last_batch_id     varchar(200) not null
);
