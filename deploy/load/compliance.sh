#!/usr/bin/env bash
# Benchmark of the compliance controls (issue 20): every control at 1,000,000 assets and 10,000 people, each
# GET /api/v1/compliance/controls/{id} timed cold (the first call after seeding) and warm, and all five in one
# call with a sample (GET /api/v1/compliance/controls?sample=25&seed=bench, the evidence pack's stand-in), plus
# GET /api/v1/compliance/evidence?format=pdf when the service has it. Target: each control <= 2 s, the pack <= 10 s.
#
#   deploy/local/run.sh                       # terminal 1: the system (PostgreSQL on 127.0.0.1:55432)
#   deploy/load/compliance.sh                 # terminal 2; options below
#
#   --assets=1000000   register size (REGBENCH-* assets, seeded incrementally like register-read.sh)
#   --people=10000     people the assets are owned and held by (REGBENCH-E*)
#   --leavers=200      off-boardings, with a return item per held and a transfer per owned asset
#   --warm=5           warm calls per control after the cold one (p50 and max reported)
#   --sample=25        the sample of the all-controls call (and its seed: bench)
#   --keep             keep the benchmark rows afterwards (default: delete them)
#
# Seeds with deploy/load/seed-assets.sql (-v people, -v posture=true) and deploy/load/compliance-seed.sql
# (group members, acceptable use and acknowledgements, off-boardings with items, exceptions, unregistered
# devices) straight into PostgreSQL as the superuser: no API, no outbox, no history. Then times the calls with
# curl (an auditor token from deploy/local/token.sh) and prints beside them, from the same run, this machine's
# `pgbench -S`, the time of `select count(*) from asset` and the load average. Needs psql, curl, jq, pgbench.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
assets=1000000
people=10000
leavers=200
warm=5
sample=25
keep=0
for arg in "$@"; do
  case $arg in
    --assets=*) assets=${arg#*=} ;;
    --people=*) people=${arg#*=} ;;
    --leavers=*) leavers=${arg#*=} ;;
    --warm=*) warm=${arg#*=} ;;
    --sample=*) sample=${arg#*=} ;;
    --keep) keep=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

db=postgresql://custodian:custodian@127.0.0.1:55432/custodian_assets
pg="-h 127.0.0.1 -p 55432 -U postgres"
base=http://127.0.0.1:8080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in psql curl jq; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y postgresql-client curl jq" >&2; exit 1; }
done
curl -fs "${CUSTODIAN_MANAGEMENT_URL:-http://127.0.0.1:9000}/q/health/ready" >/dev/null || { echo "asset-service is not up on $base: start deploy/local/run.sh" >&2; exit 1; }

q() { psql -X -q -At "$db" -c "$1"; }
purge() { # the benchmark's rows, as the superuser without the foreign-key triggers
  psql -X -q -At $pg -d custodian_assets -c "set session_replication_role = replica" \
    -c "delete from offboarding_item where offboarding_id in (select id from offboarding where reference like 'COMPBENCH-OB-%')" \
    -c "delete from offboarding where reference like 'COMPBENCH-OB-%'" \
    -c "delete from policy_exception_asset where exception_id in (select id from policy_exception where justification like 'COMPBENCH:%')" \
    -c "delete from policy_exception where justification like 'COMPBENCH:%'" \
    -c "delete from acceptable_use_ack where version_id in (select id from acceptable_use_version where version = 'COMPBENCH-1')" \
    -c "delete from acceptable_use_version where version = 'COMPBENCH-1'" \
    -c "delete from unregistered_device where serial_number like 'COMPBENCH-U%'" \
    -c "delete from group_member where group_id in (select id from asset_group where name like 'Regbench team %')" \
    -c "delete from asset where asset_tag like 'REGBENCH-%'" \
    -c "delete from person where employee_id like 'REGBENCH-E%'" \
    -c "delete from asset_group where name like 'Regbench team %'" > /dev/null
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# rows of another size left by an earlier run (register-read.sh seeds n/5 people) are removed first
existing=$(q "select count(*) from asset where asset_tag like 'REGBENCH-%'")
existing_people=$(q "select count(*) from person where employee_id like 'REGBENCH-E%'")
if (( existing > assets )) || (( existing_people > 0 && existing_people != people )); then
  echo "removing $existing benchmark assets and $existing_people people left by an earlier run..."
  purge
fi

start=$(date +%s.%N)
psql -X -q $pg -d custodian_assets -v n="$assets" -v people="$people" -v posture=true \
  -f deploy/load/seed-assets.sql > "$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
psql -X -q $pg -d custodian_assets -v leavers="$leavers" -f deploy/load/compliance-seed.sql \
  >> "$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
seeded=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f s", e - s }')
counts=$(q "select (select count(*) from asset), (select count(*) from person),
                   (select count(*) from offboarding_item), (select count(*) from unregistered_device)")
IFS='|' read -r n_assets n_people n_items n_unregistered <<< "$counts"

token=$(deploy/local/token.sh auditor auditor@example.com)
call() { # path -> "http_code seconds"; the body in $work/body
  curl -s --max-time 600 -o "$work/body" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$base$1"
}
timed() { # label path target-seconds jq-filter: one cold call, then $warm warm ones -> a line of the table
  local label=$1 path=$2 limit=$3 filter=$4 code secs cold counts
  read -r code cold < <(call "$path")
  [[ $code == 200 ]] || { echo "$path answered HTTP $code: $(head -c 300 "$work/body")" >&2; exit 1; }
  counts=$(jq -r "$filter" "$work/body" 2>/dev/null || echo "$(wc -c < "$work/body") bytes")
  : > "$work/warm"
  for _ in $(seq 1 "$warm"); do
    read -r code secs < <(call "$path")
    [[ $code == 200 ]] || { echo "$path answered HTTP $code" >&2; exit 1; }
    echo "$secs" >> "$work/warm"
  done
  sort -n "$work/warm" | awk -v label="$label" -v cold="$cold" -v limit="$limit" -v counts="$counts" '
    { t[NR] = $1 } END {
      p50 = (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2)
      printf "%-48s %-34s %8.2f s %8.2f s %8.2f s   %s\n", label, counts, cold, p50, t[NR],
        (cold <= limit && t[NR] <= limit ? "met (<= " limit " s)" : "MISSED (<= " limit " s)") }'
}

echo
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
echo "PostgreSQL: $(q 'show server_version'); register: $n_assets assets, $n_people people, $n_items off-boarding items, $n_unregistered unregistered devices (seeded in $seeded)"
echo "each call: once cold (the first after seeding), then $warm warm; curl's time_total; load average at the start $load_start"
echo
printf '%-48s %-34s %10s %10s %10s   %s\n' call "population / failing / excepted" cold "warm p50" "warm max" target
for control in A.5.9 A.5.10 A.5.11 A.6.5 A.8.1; do
  timed "GET /compliance/controls/$control" "/api/v1/compliance/controls/$control" 2 \
    '"\(.population) / \(.failing) / \(.excepted)"'
done
timed "GET /compliance/controls (all five)" "/api/v1/compliance/controls" 10 '"failing " + ([.controls[].failing | tostring] | join(" / "))'
timed "GET /compliance/controls?sample=$sample&seed=bench" "/api/v1/compliance/controls?sample=$sample&seed=bench" 10 \
  '"\([.controls[].sample.items | length] | add) sampled, \([.controls[].sample.items[].evidence | length] | add) evidence rows"'
timed "GET /compliance/trend" "/api/v1/compliance/trend" 2 '"\(.snapshots // .items // [] | length) snapshots"'
read -r code _ < <(call "/api/v1/compliance/evidence?format=pdf")
if [[ $code == 404 ]]; then
  echo "GET /compliance/evidence?format=pdf: HTTP 404, not in this build: the all-controls call with a sample stands in for the pack"
else
  timed "GET /compliance/evidence?format=pdf" "/api/v1/compliance/evidence?format=pdf" 10 '"-"'
fi

echo
echo "this machine's limits, measured in the same run:"
for _ in 1 2 3; do
  psql -X -q $pg -d custodian_assets -c '\timing on' -c 'select count(*) from asset' 2>&1 | awk '/^Time:/ { print $2 }'
done | awk '{ t[NR] = $1 } END { printf "  select count(*) from asset (%s rows): %.0f ms cold, %.0f / %.0f ms after\n", "'"$n_assets"'", t[1], t[2], t[3] }'
if command -v pgbench >/dev/null; then
  # the same machine's PostgreSQL read floor: pgbench -S (select by primary key), scale 10, as register-read.sh
  psql -X -q $pg -d postgres -c "drop database if exists custodian_pgbench" -c "create database custodian_pgbench" >/dev/null 2>&1
  pgbench $pg -i -q -s 10 custodian_pgbench > /dev/null 2>&1
  pgbench $pg -S -c 2 -j 2 -T 20 custodian_pgbench 2>/dev/null > "$work/pgbench.out"
  awk '/latency average/ { lat = $4 } /^tps/ { tps = $3 } END { printf "  pgbench -S (scale 10, -c 2 -j 2, 20 s): %.0f TPS, latency average %s ms\n", tps, lat }' "$work/pgbench.out"
  psql -X -q $pg -d postgres -c "drop database custodian_pgbench" >/dev/null
else
  echo "  pgbench not available on this machine (Debian: apt-get install -y postgresql-contrib or postgresql-15)"
fi
echo "  load average (1/5/15 min) on $(nproc) CPUs: $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"

if [[ $keep == 0 ]]; then
  purge
  echo "benchmark rows removed (--keep keeps them)"
fi
