-- People and groups that own or hold assets (policy: Ownership of Assets)
create table person (
    id           uuid primary key,
    employee_id  varchar(64)  not null,
    email        varchar(254) not null,
    display_name varchar(200) not null,
    status       varchar(16)  not null default 'ACTIVE',
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0,
    constraint person_employee_id_uq unique (employee_id),
    constraint person_email_uq unique (email),
    constraint person_status_ck check (status in ('ACTIVE', 'LEAVING', 'DEPARTED'))
);

create table asset_group (
    id            uuid primary key,
    name          varchar(200) not null,
    contact_email varchar(254) not null,
    chat_channel  varchar(200),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint asset_group_name_uq unique (name)
);

-- The inventory (policy: Inventory of Assets). Exactly one owner, a person or a group, always.
create table asset (
    id              uuid primary key,
    asset_tag       varchar(64)  not null,
    name            varchar(200) not null,
    category        varchar(32)  not null,
    classification  varchar(16)  not null,
    status          varchar(16)  not null,
    serial_number   varchar(100),
    manufacturer    varchar(100),
    model           varchar(100),
    notes           text,
    owner_person_id uuid references person (id),
    owner_group_id  uuid references asset_group (id),
    holder_id       uuid references person (id),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    constraint asset_tag_uq unique (asset_tag),
    constraint asset_exactly_one_owner_ck check ((owner_person_id is null) <> (owner_group_id is null)),
    constraint asset_classification_ck check (classification in ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    constraint asset_status_ck check (status in ('IN_STOCK', 'IN_USE', 'IN_REPAIR', 'PENDING_RETURN', 'LOST', 'STOLEN',
                                                 'RECOVERED', 'RETIRED', 'DISPOSED'))
);
-- a serial number is unique per manufacturer, when present
create unique index asset_serial_per_manufacturer_uq
    on asset (coalesce(lower(manufacturer), ''), serial_number) where serial_number is not null;
create index asset_owner_person_ix on asset (owner_person_id) where owner_person_id is not null;
create index asset_owner_group_ix on asset (owner_group_id) where owner_group_id is not null;
create index asset_holder_ix on asset (holder_id) where holder_id is not null;

-- Loss and theft (policy: Loss or Theft of Assets)
create table incident (
    id                      uuid primary key,
    kind                    varchar(16)  not null,
    status                  varchar(16)  not null,
    asset_id                uuid         not null references asset (id),
    previous_asset_status   varchar(16)  not null,
    occurred_at             timestamptz  not null,
    reported_at             timestamptz  not null,
    reporting_delay_seconds bigint       not null,
    late                    boolean      not null,
    location                varchar(500),
    circumstances           text,
    police_reference        varchar(200),
    reported_by             varchar(254) not null,
    version                 bigint       not null default 0,
    constraint incident_kind_ck check (kind in ('LOST', 'STOLEN')),
    constraint incident_status_ck check (status in ('OPEN', 'CONTAINED', 'CLOSED', 'RECOVERED'))
);
create index incident_asset_ix on incident (asset_id);
create index incident_reported_by_ix on incident (reported_by);

-- Transactional outbox: every event is stored with the state change that caused it, then relayed to Kafka.
create table outbox_event (
    id             uuid primary key,
    aggregate_type varchar(32)  not null,
    aggregate_id   varchar(64)  not null,
    type           varchar(100) not null,
    subject        varchar(200) not null,
    payload        jsonb        not null,
    created_at     timestamptz  not null,
    published_at   timestamptz,
    attempts       integer      not null default 0,
    last_error     text
);
create index outbox_event_unpublished_ix on outbox_event (created_at) where published_at is null;
