-- Seeds the local run for the off-boarding benchmark: :people people (employee ids OFFBENCH-<run>-E<i>), each
-- holding :assets laptops (in use, owned by one benchmark team), straight into PostgreSQL with insert … select
-- generate_series. No API, no outbox, no history: the benchmark measures the off-boarding, not the seeding.
--   psql postgresql://custodian:custodian@127.0.0.1:55432/custodian_assets -v run=r1 -v people=50 -v assets=50 \
--        -f deploy/load/offboarding-seed.sql
\set ON_ERROR_STOP on

insert into asset_group (id, name, contact_email, created_at, updated_at)
values (md5('offbench-group')::uuid, 'Offbench team', 'offbench.team@example.com', now(), now())
on conflict do nothing;

insert into person (id, employee_id, email, display_name, status, created_at, updated_at)
select md5('offbench-' || :'run' || '-person-' || i)::uuid, 'OFFBENCH-' || :'run' || '-E' || i,
       'offbench.' || lower(:'run') || '.' || i || '@example.com', 'Bench Leaver ' || i, 'ACTIVE', now(), now()
from generate_series(1, :people) i;

insert into asset (id, asset_tag, name, category, classification, status, owner_group_id, holder_id,
                   created_at, updated_at, version, next_verification_due)
select md5('offbench-' || :'run' || '-asset-' || p || '-' || a)::uuid,
       'OFFBENCH-' || :'run' || '-' || lpad(p::text, 4, '0') || '-' || lpad(a::text, 3, '0'),
       'MacBook Pro 14 #' || a, 'LAPTOP', 'CONFIDENTIAL', 'IN_USE', md5('offbench-group')::uuid,
       md5('offbench-' || :'run' || '-person-' || p)::uuid, now(), now(), 0, now() + interval '90 days'
from generate_series(1, :people) p, generate_series(1, :assets) a;

analyze person;
analyze asset;
