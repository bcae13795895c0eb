#!/usr/bin/env bash
# Bulk import benchmark: 1,000,000 generated Snipe-IT-style rows through POST /api/v1/imports, against
# PostgreSQL's own COPY of the same file as the limit.
#
#   deploy/local/run.sh                  # terminal 1: the system (PostgreSQL on 127.0.0.1:55432)
#   deploy/load/import.sh                # terminal 2; options below
#
#   --rows=1000000     rows to generate
#   --keep             keep the imported assets (and their history rows) afterwards (default: delete them)
#
# Prints: upload time, job time, rows/s end to end (upload + parse + stage + merge), the service's peak RSS
# (VmHWM of the asset-service process, before and after) and the COPY figure. Needs psql and curl.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rows=1000000
keep=0
for arg in "$@"; do
  case $arg in
    --rows=*) rows=${arg#*=} ;;
    --keep) keep=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

db=postgresql://custodian:custodian@127.0.0.1:55432/custodian_assets
base=http://127.0.0.1:8080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
curl -fs "${CUSTODIAN_MANAGEMENT_URL:-http://127.0.0.1:9000}/q/health/ready" >/dev/null || { echo "asset-service is not up on $base: start deploy/local/run.sh" >&2; exit 1; }

token=$(deploy/local/token.sh asset-admin bench@example.com)
q() { psql -X -q -At "$db" -c "$1"; }
# deletes of benchmark rows as the superuser, without triggers (the history is append-only by trigger)
purge() { psql -X -q -At -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -c "set session_replication_role = replica" -c "$1"; }
now_ms() { date +%s%3N; }

pid=$(ss -Htlnp 'sport = :8080' | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
hwm() { awk '/VmHWM/ {printf "%d MB", $2/1024}' "/proc/$pid/status"; }
rss() { awk '/VmRSS/ {printf "%d MB", $2/1024}' "/proc/$pid/status"; }

remove_rows() {
  purge "delete from asset_aud where asset_tag like 'IMPBENCH-%'"
  purge "delete from asset where asset_tag like 'IMPBENCH-%'"
  # give the register back its size before the run: otherwise the next run writes into tables and indexes
  # full of this one's dead rows (benchmark database only — VACUUM FULL locks the tables)
  psql -X -q -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -c "vacuum (full, analyze) asset, asset_aud"
}
if [[ $(q "select count(*) from asset where asset_tag like 'IMPBENCH-%'") != 0 ]]; then
  echo "removing the assets of an earlier run..."
  remove_rows
else
  psql -X -q -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -c "vacuum (full, analyze) asset, asset_aud"
fi
echo "register before the run: $(q "select count(*) from asset") assets"
group=$(curl -fs -X POST "$base/api/v1/groups" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Import bench $(date +%s)\",\"contactEmail\":\"it@example.com\"}" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')

echo "generating $rows rows..."
file=$work/snipeit.csv
awk -v n="$rows" 'BEGIN {
  print "Asset Tag,Name,Serial,Model,Manufacturer,Category,Status,Checked Out To,Location,Purchase Date,Warranty,Notes"
  split("Laptops,Desktops,Mobile Phones,Tablets,Servers,Networking", cat, ",")
  split("Ready to Deploy,Deployed,Pending,Archived,Out for Repair", st, ",")
  for (i = 1; i <= n; i++) {
    printf "IMPBENCH-%07d,\"Laptop %d, 14\"\"\",SN%09d,Model %d,Vendor %d,%s,%s,,\"Site %d, floor %d\",20%02d-%02d-%02d,36,Imported row %d\n",
      i, i, i, i % 50, i % 20, cat[i % 6 + 1], st[i % 5 + 1], i % 40, i % 9, 15 + i % 10, 1 + i % 12, 1 + i % 28, i
  }
}' > "$file"
size=$(du -m "$file" | cut -f1)
echo "file: $rows rows, $size MB; asset-service pid $pid, RSS $(rss), peak RSS so far $(hwm)"

start=$(now_ms)
location=$(curl -fs -o /dev/null -w '%header{location}' -X POST \
  "$base/api/v1/imports?dialect=snipeit&defaultOwnerGroup=$group" \
  -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary @"$file")
uploaded=$(now_ms)
echo "uploaded in $(( uploaded - start )) ms → $location"
state=queued
while [[ $state == queued || $state == running ]]; do
  sleep 1
  job=$(curl -fs "$location" -H "Authorization: Bearer $token")
  state=$(sed -n 's/.*"state":"\([a-z]*\)".*/\1/p' <<<"$job")
  progress=$(sed -n 's/.*"progress":\([0-9]*\).*/\1/p' <<<"$job")
  read_so_far=$(sed -n 's/.*"rowsRead":\([0-9]*\).*/\1/p' <<<"$job")
  printf '\r  %-9s %3s%%  %9s rows read  RSS %s' "$state" "$progress" "$read_so_far" "$(rss)"
done
done_at=$(now_ms)
echo
echo "job: $job"
total_ms=$(( done_at - start ))
echo "import: $rows rows in $total_ms ms (upload $(( uploaded - start )) ms) = $(( rows * 1000 / total_ms )) rows/s end to end (±1 s polling)"
echo "asset-service peak RSS (VmHWM): $(hwm)"
log=${CUSTODIAN_LOCAL_DATA:-$root/deploy/local/.data}/logs/asset-service.log
if [[ -f $log ]]; then
  echo "the service's own account (its log):"
  grep -F "import ${location##*/}" "$log" | sed 's/^\([0-9-]* [0-9:,]*\).*import [0-9a-f-]*: /  \1  /'
fi

# the limit: PostgreSQL's own COPY of the same file, into a scratch table of text columns
q "drop table if exists import_bench_scratch"
q "create table import_bench_scratch (asset_tag text, name text, serial text, model text, manufacturer text,
   category text, status text, checked_out_to text, location text, purchase_date text, warranty text, notes text)"
copy_start=$(now_ms)
psql -X -q "$db" -c "\\copy import_bench_scratch from '$file' with (format csv, header true)"
copy_ms=$(( $(now_ms) - copy_start ))
echo "COPY of the same file into a scratch table: $copy_ms ms = $(( rows * 1000 / copy_ms )) rows/s"
echo "import / COPY = $(awk -v a="$copy_ms" -v b="$total_ms" 'BEGIN {printf "%.2f", a / b}')"
q "drop table import_bench_scratch"

if [[ $keep == 0 ]]; then
  remove_rows
fi
