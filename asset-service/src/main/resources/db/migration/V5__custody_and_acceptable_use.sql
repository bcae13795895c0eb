-- Acceptable use (policy: Acceptable Use of Assets): versioned rules, and who acknowledged which version
create table acceptable_use_version (
    id           uuid primary key,
    version      varchar(32)  not null,
    title        varchar(200) not null,
    body         text,
    url          varchar(2000),
    published_at timestamptz  not null,
    published_by varchar(254) not null,
    constraint acceptable_use_version_uq unique (version),
    constraint acceptable_use_text_or_url_ck check (body is not null or url is not null)
);
create index acceptable_use_version_published_ix on acceptable_use_version (published_at desc);

create table acceptable_use_ack (
    id              uuid primary key,
    person_id       uuid        not null references person (id),
    version_id      uuid        not null references acceptable_use_version (id),
    acknowledged_at timestamptz not null,
    constraint acceptable_use_ack_once_uq unique (person_id, version_id)
);

-- Custody: who held which asset when, with the acknowledgement that allowed the hand-over
create table custody (
    id                 uuid primary key,
    asset_id           uuid         not null references asset (id),
    person_id          uuid         not null references person (id),
    acknowledgement_id uuid         not null references acceptable_use_ack (id),
    checked_out_at     timestamptz  not null,
    checked_out_by     varchar(254) not null,
    checkout_note      varchar(1000),
    checked_in_at      timestamptz,
    checked_in_by      varchar(254),
    condition          varchar(1000)
);
create index custody_asset_ix on custody (asset_id, checked_out_at desc);
create unique index custody_open_per_asset_uq on custody (asset_id) where checked_in_at is null;
