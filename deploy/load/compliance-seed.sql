-- Seeds what the compliance controls read beyond the register, over the REGBENCH-* people, groups and assets
-- that seed-assets.sql has seeded (run it first), so that every control's population is non-trivial:
--   group members   5 active members per benchmark group, except 1 group in 100 (its assets fail A.5.9)
--   A.5.10          one acceptable-use version (COMPBENCH-1, published 120 days ago), the people joined a year
--                   ago; 96 % acknowledged it (1 in 10 of them late, after the 14 days), 4 % not at all
--   A.5.11, A.6.5   :leavers off-boardings (reference COMPBENCH-OB-<i>, last working day in the last 60 days,
--                   1 in 10 started after it), one return item per asset the leaver holds and one ownership
--                   transfer per asset the leaver owns: closed in time, except in 1 off-boarding in 5 (a third
--                   of its items closed 8 days after the last working day) and 1 in 7 (a quarter still open)
--   A.8.1           the posture of seed-assets.sql's -v posture=true, and approved handling exceptions
--                   (COMPBENCH) over 200 of the unencrypted endpoints; inventory exceptions over 200 assets
--   A.5.9           :unregistered devices reported by the MDM and not in the register (COMPBENCH-U<i>)
-- Straight into PostgreSQL as the superuser with the foreign-key triggers skipped (the rows reference the
-- seeded ones by construction); no API, no outbox, no history. Idempotent (fixed ids, on conflict do nothing).
--   psql -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -v leavers=200 -v unregistered=1000 \
--        -f deploy/load/compliance-seed.sql
\set ON_ERROR_STOP on
\timing on
\if :{?leavers}
\else
\set leavers 200
\endif
\if :{?unregistered}
\else
\set unregistered 1000
\endif
set session_replication_role = replica;

select count(*) as people from person where employee_id like 'REGBENCH-E%' \gset
select count(*) as groups from asset_group where name like 'Regbench team %' \gset

-- group members: 5 people per group, none in every 100th group
insert into group_member (group_id, person_id)
select md5('regbench-group-' || g)::uuid, md5('regbench-person-' || (1 + (g * 7 + k * 1009) % :people))::uuid
from generate_series(1, :groups) g, generate_series(0, 4) k
where g % 100 <> 0
on conflict do nothing;

-- A.5.10: the people joined a year ago; the current version was published 120 days ago
update person set created_at = now() - interval '365 days'
where employee_id like 'REGBENCH-E%' and created_at > now() - interval '365 days';

insert into acceptable_use_version (id, version, title, url, published_at, published_by)
values (md5('compbench-aup-1')::uuid, 'COMPBENCH-1', 'Acceptable use (benchmark)',
        'https://example.com/acceptable-use', now() - interval '120 days', 'compbench@example.com')
on conflict do nothing;

insert into acceptable_use_ack (id, person_id, version_id, acknowledged_at)
select md5('compbench-ack-' || i)::uuid, md5('regbench-person-' || i)::uuid, md5('compbench-aup-1')::uuid,
       now() - interval '120 days' + case when i % 10 = 0 then interval '30 days' else (i % 13) * interval '1 day' end
from generate_series(1, :people) i
where i % 25 <> 0
on conflict do nothing;

-- A.5.11, A.6.5: the leavers, one in people/leavers, leaving or departed; person numbers ending in 2 (as
-- seed-assets.sql spreads them, those both hold and own assets: one ending in 0 does neither)
create temporary table bench_leaver as
select i, md5('regbench-person-' || greatest(1, i * (:people / :leavers) - 8))::uuid as person_id,
       current_date - (i % 60) as last_day
from generate_series(1, :leavers) i;

update person p set status = case when l.i % 2 = 0 then 'DEPARTED' else 'LEAVING' end
from bench_leaver l where p.id = l.person_id and p.status = 'ACTIVE';

insert into offboarding (id, person_id, last_working_day, source, reference, status, started_at, started_by)
select md5('compbench-offboarding-' || l.i)::uuid, l.person_id, l.last_day, 'WEBHOOK', 'COMPBENCH-OB-' || l.i,
       case when l.i % 2 = 0 then 'COMPLETED' else 'OPEN' end,
       l.last_day - case when l.i % 10 = 0 then -2 else 10 end * interval '1 day' + interval '9 hours',
       'hr@example.com'
from bench_leaver l
on conflict do nothing;

insert into offboarding_item (id, offboarding_id, asset_id, kind, status, closed_at, closed_by)
select md5('compbench-item-' || x.kind || '-' || x.asset_id)::uuid, md5('compbench-offboarding-' || x.i)::uuid,
       x.asset_id, x.kind,
       case when x.i % 7 = 0 and x.r % 4 = 0 then 'PENDING' when x.kind = 'RETURN' then 'RETURNED' else 'TRANSFERRED' end,
       case when x.i % 7 = 0 and x.r % 4 = 0 then null
            when x.i % 5 = 0 and x.r % 3 = 0 then x.last_day + interval '8 days'
            else x.last_day + interval '12 hours' end,
       case when not (x.i % 7 = 0 and x.r % 4 = 0) then 'it@example.com' end
from (select l.i, l.last_day, a.id as asset_id, 'RETURN' as kind, row_number() over () as r
      from bench_leaver l join asset a on a.holder_id = l.person_id
      union all
      select l.i, l.last_day, a.id, 'OWNERSHIP_TRANSFER', row_number() over ()
      from bench_leaver l join asset a on a.owner_person_id = l.person_id) x
on conflict do nothing;

-- exceptions: handling (A.8.1) over 200 unencrypted endpoints in use, inventory (A.5.9) over 200 assets
insert into policy_exception (id, clause, justification, status, requested_by, requested_at, wanted_until,
                              decided_by, decided_at, valid_until)
select md5('compbench-exception-' || c)::uuid, c, 'COMPBENCH: benchmark exception', 'APPROVED',
       'compbench@example.com', now() - interval '30 days', current_date + 60,
       'ceo@example.com', now() - interval '29 days', current_date + 60
from unnest(array['HANDLING', 'INVENTORY']) c
on conflict do nothing;

insert into policy_exception_asset (exception_id, position, asset_id)
select md5('compbench-exception-HANDLING')::uuid, row_number() over (order by a.asset_tag), a.id
from (select id, asset_tag from asset
      where asset_tag like 'REGBENCH-%' and disk_encrypted = false and status = 'IN_USE'
      order by asset_tag limit 200) a
on conflict do nothing;

insert into policy_exception_asset (exception_id, position, asset_id)
select md5('compbench-exception-INVENTORY')::uuid, i, md5('regbench-asset-' || (i * 997))::uuid
from generate_series(1, 200) i
on conflict do nothing;

-- A.5.9: devices the MDM reports that are not in the register
insert into unregistered_device (serial_number, source, disk_encrypted, mdm_enrolled, screen_lock, os_version,
                                 last_check_in_at, first_reported_at, last_reported_at, last_batch_id)
select 'COMPBENCH-U' || lpad(i::text, 6, '0'), 'fleet', i % 7 <> 0, true, true, 'macOS 15.1',
       now() - interval '2 hours', now() - (i % 90) * interval '1 day', now() - interval '2 hours', 'compbench-batch'
from generate_series(1, :unregistered) i
on conflict do nothing;

analyze person;
analyze group_member;
analyze acceptable_use_ack;
analyze offboarding;
analyze offboarding_item;
analyze policy_exception;
analyze policy_exception_asset;
analyze unregistered_device;
