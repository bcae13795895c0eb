-- Seeds the register of the local run with :n benchmark assets (tags REGBENCH-0000001 …), plus :n/5 people and
-- :n/1000 groups, straight into PostgreSQL with insert … select generate_series (no API, no outbox, no history:
-- fine for a read benchmark). Idempotent and incremental: re-running with a larger :n adds the missing rows.
--   psql -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -v n=1000000 -f deploy/load/seed-assets.sql
-- Optional: -v people=10000 seeds that many people instead of :n/5 (give the same count on every run: the
-- assets' owners and holders are spread over it); -v posture=true gives the endpoints a posture report
-- (posture_reported_at within the last 6 days, 1 in 33 three weeks ago; source fleet), left null otherwise.
\set ON_ERROR_STOP on
\timing on
\if :{?people}
select greatest(:people, 10) as people, greatest(:n / 1000, 10) as groups \gset
\else
select greatest(:n / 5, 10) as people, greatest(:n / 1000, 10) as groups \gset
\endif
\if :{?posture}
\else
\set posture false
\endif

insert into person (id, employee_id, email, display_name, status, created_at, updated_at)
select md5('regbench-person-' || i)::uuid, 'REGBENCH-E' || i, 'regbench.person' || i || '@example.com',
       'Bench Person ' || i, 'ACTIVE', now(), now()
from generate_series(1, :people) i
on conflict do nothing;

insert into asset_group (id, name, contact_email, created_at, updated_at)
select md5('regbench-group-' || i)::uuid, 'Regbench team ' || i, 'bench.team' || i || '@example.com', now(), now()
from generate_series(1, :groups) i
on conflict do nothing;

-- As the superuser (register-read.sh connects as postgres, trusted on the loopback interface), skip the
-- foreign-key triggers: the rows reference the people and groups above by construction.
select rolsuper as superuser from pg_roles where rolname = current_user \gset
\if :superuser
set session_replication_role = replica;
\endif

select count(*) as existing from asset where asset_tag like 'REGBENCH-%' \gset

-- A bulk load is much faster without the secondary indexes: for more than 100,000 new rows, drop the
-- non-unique indexes of asset (as Flyway created them: their definitions are kept and re-run afterwards).
create temporary table bench_dropped_index (name text, definition text);
select :n - :existing > 100000 as bulk \gset
\if :bulk
do $$
declare r record;
begin
  for r in select indexname, indexdef from pg_indexes
           where schemaname = current_schema() and tablename = 'asset' and indexdef not like 'CREATE UNIQUE%'
  loop
    insert into bench_dropped_index values (r.indexname, r.indexdef);
    execute format('drop index %I', r.indexname);
  end loop;
end $$;
\endif

-- A plausible register: 40 % laptops, 60 % in use (with a holder), 70 % owned by a team, ~25 % overdue for
-- verification, 5 % of endpoints without disk encryption.
insert into asset (id, asset_tag, name, category, classification, status, serial_number, manufacturer, model,
                   owner_person_id, owner_group_id, holder_id, created_at, updated_at, version,
                   disk_encrypted, mdm_enrolled, screen_lock, next_verification_due,
                   posture_reported_at, posture_source)
select md5('regbench-asset-' || i)::uuid,
       'REGBENCH-' || lpad(i::text, 7, '0'),
       (array['MacBook Pro 14', 'ThinkPad X1 Carbon', 'Dell XPS 13', 'iPhone 15', 'Pixel 8', 'iPad Air',
              'PowerEdge R750', 'Customer database', 'Payments repository', 'Slack tenant'])[1 + i % 10]
           || ' #' || i,
       c.category,
       (array['PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'CONFIDENTIAL', 'RESTRICTED'])[1 + (i / 7) % 5],
       case when i % 10 < 6 then 'IN_USE'
            else (array['IN_STOCK', 'IN_REPAIR', 'PENDING_RETURN', 'RETIRED'])[1 + (i / 10) % 4] end,
       'SN' || lpad(i::text, 9, '0'),
       'Bench Inc.',
       'Model ' || (i % 50),
       case when i % 10 >= 7 then md5('regbench-person-' || (1 + (i::bigint * 7919) % :people))::uuid end,
       case when i % 10 < 7 then md5('regbench-group-' || (1 + (i::bigint * 104729) % :groups))::uuid end,
       case when i % 10 < 6 then md5('regbench-person-' || (1 + (i::bigint * 31) % :people))::uuid end,
       now() - interval '200 days', now() - interval '1 day', 0,
       case when c.endpoint then i % 20 <> 0 end,
       case when c.endpoint then i % 25 <> 0 end,
       case when c.endpoint then i % 30 <> 0 end,
       now() + ((i % 120) - 30) * interval '1 day',
       case when c.endpoint and :posture then
           case when i % 33 = 0 then now() - interval '21 days' else now() - (i % 13) * interval '11 hours' end end,
       case when c.endpoint and :posture then 'fleet' end
from generate_series(:existing + 1, :n) i,
     lateral (select cat as category, cat in ('LAPTOP', 'DESKTOP', 'PHONE', 'TABLET') as endpoint
              from (select (array['LAPTOP', 'LAPTOP', 'LAPTOP', 'LAPTOP', 'PHONE', 'PHONE', 'DESKTOP', 'TABLET',
                                  'SERVER', 'DATABASE'])[1 + (i / 3) % 10] as cat) x) c;

set maintenance_work_mem = '256MB';
do $$
declare r record;
begin
  for r in select name, definition from bench_dropped_index loop
    execute r.definition;
  end loop;
end $$;

analyze person;
analyze asset_group;
analyze asset;
select count(*) as bench_assets from asset where asset_tag like 'REGBENCH-%';
