#!/usr/bin/env bash
# Export benchmark: GET /api/v1/exports of a register of 1,000,000 assets, as CSV and as JSON, with rows/s and the
# service's peak RSS during each download, beside PostgreSQL's own COPY of the same rows as the floor.
#
#   deploy/local/run.sh                       # terminal 1: the system (asset-service with -Xmx512m)
#   deploy/load/export.sh                     # terminal 2; options below
#
#   --rows=1000000          register size (REGBENCH-* assets, seeded incrementally by seed-assets.sql)
#   --formats="csv json"    formats to measure
#   --filter="category=laptop&status=in_use"   an extra filtered export to measure (empty: none)
#   --keep                  keep the benchmark rows afterwards (default: delete them)
#
# Seeds with deploy/load/seed-assets.sql (straight into PostgreSQL, as register-read.sh does), then downloads each
# export with curl to /dev/null while sampling the asset-service's VmRSS every 50 ms (and its VmHWM, reset before
# each download when /proc/<pid>/clear_refs is writable). The service pid comes from deploy/local/.data/pids.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rows=1000000
formats="csv json"
filter="category=laptop&status=in_use"
keep=0
for arg in "$@"; do
  case $arg in
    --rows=*) rows=${arg#*=} ;;
    --formats=*) formats=${arg#*=} ;;
    --filter=*) filter=${arg#*=} ;;
    --keep) keep=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

db=postgresql://custodian:custodian@127.0.0.1:55432/custodian_assets
base=http://127.0.0.1:8080
pidfile=deploy/local/.data/pids/asset-service.pid
work=$(mktemp -d)
sampler=
cleanup() { [[ -n $sampler ]] && kill "$sampler" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
curl -fs "${CUSTODIAN_MANAGEMENT_URL:-http://127.0.0.1:9000}/q/health/ready" >/dev/null || { echo "asset-service is not up on $base: start deploy/local/run.sh" >&2; exit 1; }
[[ -f $pidfile ]] && pid=$(cat "$pidfile") && kill -0 "$pid" 2>/dev/null \
  || { echo "no asset-service pid in $pidfile (start it with deploy/local/run.sh)" >&2; exit 1; }

token=$(deploy/local/token.sh asset-admin bench@example.com)
q() { psql -X -q -At "$db" -c "$1"; }
purge() { psql -X -q -At -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -c "set session_replication_role = replica" -c "$1"; }
kib() { awk '/^'"$1"':/ { print $2 }' "/proc/$pid/status"; }

echo "seeding $rows benchmark assets (deploy/load/seed-assets.sql)..."
psql -X -q -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -v n="$rows" -f deploy/load/seed-assets.sql \
  > "$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
total=$(q "select count(*) from asset")

echo
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
echo "asset-service pid $pid: $(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o -- '-Xmx[^ ]*' || echo 'no -Xmx'), RSS before: $(( $(kib VmRSS) / 1024 )) MiB"
echo "register: $total assets"
printf '\n%-42s %10s %10s %10s %12s %14s\n' export rows seconds rows/s MiB "peak RSS MiB"

# one export: curl to a byte counter, with an RSS sampler beside it
measure() { # label query
  local label=$1 query=$2
  echo 5 > "/proc/$pid/clear_refs" 2>/dev/null || true   # resets VmHWM (own process or root)
  ( peak=0; while :; do r=$(kib VmRSS); (( r > peak )) && peak=$r && echo "$peak" > "$work/peak"; sleep 0.05; done ) &
  sampler=$!
  local start end
  start=$(date +%s.%N)
  curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/exports?$query" -o "$work/out"
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; sampler=
  local n bytes peak hwm
  case $query in
    *format=json*) n=$(grep -o '"assetTag":' "$work/out" | wc -l) ;;
    *) n=$(( $(python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$work/out") - 1 )) ;;
  esac
  bytes=$(stat -c %s "$work/out")
  peak=$(cat "$work/peak" 2>/dev/null || echo 0)
  hwm=$(kib VmHWM)
  (( hwm > peak )) && peak=$hwm
  awk -v l="$label" -v n="$n" -v s="$start" -v e="$end" -v b="$bytes" -v p="$peak" 'BEGIN {
    printf "%-42s %10d %10.1f %10.0f %12.0f %14.0f\n", l, n, e - s, n / (e - s), b / 1048576, p / 1024 }'
}

# warm-up (JIT, connection pool), not counted
curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/exports?format=csv&category=server" -o /dev/null

for f in $formats; do
  measure "all, $f" "format=$f"
done
[[ -n $filter ]] && measure "$filter, csv" "format=csv&$filter"

# PostgreSQL's own COPY of the same rows (same joins, same order) as the floor
start=$(date +%s.%N)
psql -X -q "$db" -c "copy (select a.asset_tag, a.name, a.category, a.classification, a.status, a.serial_number,
    a.manufacturer, a.model, coalesce(op.email, og.name), case when a.owner_person_id is not null then 'person' else 'group' end,
    coalesce(a.owner_person_id, a.owner_group_id), coalesce(op.display_name, og.name), h.email, a.location,
    a.purchase_date, a.warranty_until, a.disk_encrypted, a.mdm_enrolled, a.screen_lock, a.last_verified_at,
    a.next_verification_due, a.notes
  from asset a left join person op on op.id = a.owner_person_id left join asset_group og on og.id = a.owner_group_id
  left join person h on h.id = a.holder_id order by a.asset_tag) to stdout with (format csv, header)" > "$work/copy.csv"
end=$(date +%s.%N)
awk -v n="$total" -v s="$start" -v e="$end" -v b="$(stat -c %s "$work/copy.csv")" 'BEGIN {
  printf "%-42s %10d %10.1f %10.0f %12.0f %14s\n", "PostgreSQL COPY of the same rows (floor)", n, e - s, n / (e - s), b / 1048576, "-" }'

echo
echo "recorded: $(q "select count(*) from export_log where requested_by = 'bench@example.com'") exports by bench@example.com in export_log"

if [[ $keep == 0 ]]; then
  purge "delete from asset where asset_tag like 'REGBENCH-%'"
  purge "delete from person where employee_id like 'REGBENCH-E%'"
  purge "delete from asset_group where name like 'Regbench team %'"
  echo "benchmark rows removed (--keep keeps them)"
fi
