#!/usr/bin/env bash
# Read benchmark of the register: GET /api/v1/assets/{id} and a filtered list page, at 10k and at 1M assets,
# and the console's register search page (/console/register, server-rendered) with the same filters, signed in.
#
#   deploy/local/run.sh                       # terminal 1: the system (PostgreSQL on 127.0.0.1:55432)
#   deploy/load/register-read.sh              # terminal 2; options below
#
#   --sizes="10000 1000000"   register sizes to measure, in increasing order (seeded incrementally)
#   --duration=20s            wrk duration per measurement (after a 10 s warm-up per size)
#   --connections=8           wrk connections (2 threads)
#   --list="/api/v1/assets?category=laptop&status=in_use&limit=50"   the list page measured
#   --keep                    keep the benchmark rows afterwards (default: delete them)
#   --no-console              leave out the console page (it signs in through the local OIDC provider on :8088)
#
# Seeds REGBENCH-* assets (+ people and groups) straight into PostgreSQL with deploy/load/seed-assets.sql
# (insert … select generate_series): this bypasses the API, the outbox and the history, which is fine for a
# read benchmark. Then measures with wrk (Lua: deploy/load/register-read.lua, random ids / random pages),
# and prints this machine's `pgbench -S` beside the figures. Needs psql, wrk and pgbench
# (Debian: apt-get install -y postgresql-client wrk; the script installs wrk itself when run as root).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
sizes="10000 1000000"
duration=20s
connections=8
list="/api/v1/assets?category=laptop&status=in_use&limit=50"
keep=0
console=1
for arg in "$@"; do
  case $arg in
    --sizes=*) sizes=${arg#*=} ;;
    --duration=*) duration=${arg#*=} ;;
    --connections=*) connections=${arg#*=} ;;
    --list=*) list=${arg#*=} ;;
    --keep) keep=1 ;;
    --no-console) console=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

db=postgresql://custodian:custodian@127.0.0.1:55432/custodian_assets
base=http://127.0.0.1:8080
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing wrk (apt-get install -y wrk)..."
    apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
  else
    echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1
  fi
fi
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
curl -fs "${CUSTODIAN_MANAGEMENT_URL:-http://127.0.0.1:9000}/q/health/ready" >/dev/null || { echo "asset-service is not up on $base: start deploy/local/run.sh" >&2; exit 1; }

token=$(deploy/local/token.sh asset-admin bench@example.com)
# the console page: the API list's query on /console/register, with a session cookie of a real sign-in
# (authorization-code flow through the local provider's sign-in form, as a browser does it)
page=/console/register?${list#*\?}
cookie=
if [[ $console == 1 ]]; then
  jar=$work/cookies
  authorize=$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base$page")
  back=$(curl -fsS -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$authorize" \
    --data-urlencode username=bench@example.com \
    --data-urlencode 'claims={"email":"bench@example.com","email_verified":true,"groups":["asset-admin"]}')
  curl -fsS -c "$jar" -b "$jar" -o /dev/null "$back"
  cookie=$(awk -F'\t' '$6 ~ /^q_session/ { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
  [[ -n $cookie ]] || { echo "could not sign in to the console (no session cookie)" >&2; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
  [[ $status == 200 ]] || { echo "the console page answered $status when signed in" >&2; exit 1; }
fi
q() { psql -X -q -At "$db" -c "$1"; }
# deletes of benchmark rows as the superuser, without the foreign-key triggers (nothing references them)
purge() { psql -X -q -At -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -c "set session_replication_role = replica" -c "$1"; }

# wrk's --latency output → "p50 p99 req/s" in ms
measure() { # mode
  BENCH_MODE=$1 BENCH_LIST=$list BENCH_PAGE=$page BENCH_COOKIE=$cookie BENCH_TOKEN=$token BENCH_SAMPLE=$work/sample \
    wrk -t2 -c"$connections" -d"$duration" --latency -s deploy/load/register-read.lua "$base" > "$work/wrk.out" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx/ { non2xx = $NF }
    END { printf "%.2f %.2f %.0f %s\n", p50, p99, rps, (non2xx == "" ? 0 : non2xx) }' "$work/wrk.out"
}

existing=$(q "select count(*) from asset where asset_tag like 'REGBENCH-%'")
first=${sizes%% *}
if (( existing > first )); then
  echo "removing $existing benchmark assets left by an earlier run..."
  purge "delete from asset where asset_tag like 'REGBENCH-%'"
fi

echo
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(java -version 2>&1 | head -1)"
echo "PostgreSQL: $(q 'show server_version'); wrk -t2 -c$connections -d$duration per figure; list page: $list"
printf '\n%-9s %-9s | %-28s | %-28s | %-28s' assets seed "GET /assets/{id} p50/p99 req/s" "list, random page p50/p99 req/s" "list, first page p50/p99 req/s"
[[ $console == 1 ]] && printf ' | %-28s | %-28s' "console, random page p50/p99" "console, first page p50/p99"
echo
results=()
for n in $sizes; do
  start=$(date +%s.%N)
  psql -X -q -h 127.0.0.1 -p 55432 -U postgres -d custodian_assets -v n="$n" -f deploy/load/seed-assets.sql \
    > "$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
  seeded=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1fs", e - s }')
  # 10,000 random assets of the benchmark set: their ids, and the cursor that starts a page after each
  q "select id, translate(rtrim(encode(convert_to(asset_tag, 'UTF8'), 'base64'), '='), '+/', '-_')
     from asset where asset_tag like 'REGBENCH-%' order by random() limit 10000" | tr '|' ' ' > "$work/sample"
  # warm-up: JIT, connection pool, PostgreSQL's buffers
  BENCH_MODE=by-id BENCH_LIST=$list BENCH_TOKEN=$token BENCH_SAMPLE=$work/sample \
    wrk -t2 -c"$connections" -d10s -s deploy/load/register-read.lua "$base" > /dev/null 2>&1
  BENCH_MODE=list BENCH_LIST=$list BENCH_TOKEN=$token BENCH_SAMPLE=$work/sample \
    wrk -t2 -c"$connections" -d5s -s deploy/load/register-read.lua "$base" > /dev/null 2>&1
  read -r i50 i99 irps ierr < <(measure by-id)
  read -r l50 l99 lrps lerr < <(measure list)
  read -r f50 f99 frps ferr < <(measure first-page)
  for e in "$ierr" "$lerr" "$ferr"; do [[ $e == 0 ]] || echo "WARNING: $e non-2xx responses" >&2; done
  printf '%-9s %-9s | %6.2f / %6.2f ms %7s/s | %6.2f / %6.2f ms %7s/s | %6.2f / %6.2f ms %7s/s' \
    "$n" "$seeded" "$i50" "$i99" "$irps" "$l50" "$l99" "$lrps" "$f50" "$f99" "$frps"
  if [[ $console == 1 ]]; then
    BENCH_MODE=console BENCH_PAGE=$page BENCH_COOKIE=$cookie BENCH_TOKEN=$token BENCH_SAMPLE=$work/sample \
      wrk -t2 -c"$connections" -d5s -s deploy/load/register-read.lua "$base" > /dev/null 2>&1
    read -r c50 c99 crps cerr < <(measure console)
    read -r d50 d99 drps derr < <(measure console-first-page)
    for e in "$cerr" "$derr"; do [[ $e == 0 ]] || echo "WARNING: $e non-2xx console responses" >&2; done
    printf ' | %6.2f / %6.2f ms %7s/s | %6.2f / %6.2f ms %7s/s' "$c50" "$c99" "$crps" "$d50" "$d99" "$drps"
  fi
  echo
  results+=("$n $i99 $l99")
done

if (( ${#results[@]} >= 2 )); then
  read -r n0 i0 l0 <<< "${results[0]}"
  read -r n1 i1 l1 <<< "${results[-1]}"
  awk -v n0="$n0" -v n1="$n1" -v i0="$i0" -v i1="$i1" -v l0="$l0" -v l1="$l1" 'BEGIN {
    printf "\ntargets at %d: by-id p99 %.2f ms (<= 10: %s), list p99 %.2f ms (<= 50: %s)\n", n1, i1, (i1 <= 10 ? "met" : "MISSED"), l1, (l1 <= 50 ? "met" : "MISSED")
    printf "p99 at %d / at %d: by-id %.2fx, list %.2fx (<= 1.5x: %s)\n", n1, n0, i1 / i0, l1 / l0, (i1 / i0 <= 1.5 && l1 / l0 <= 1.5 ? "met" : "MISSED") }'
fi

echo
if command -v pgbench >/dev/null; then
  # the same machine's PostgreSQL read floor: pgbench -S (select by primary key), scale 10, as the superuser
  pg="-h 127.0.0.1 -p 55432 -U postgres"
  psql -X -q $pg -d postgres -c "drop database if exists custodian_pgbench" -c "create database custodian_pgbench" >/dev/null
  pgbench $pg -i -q -s 10 custodian_pgbench > /dev/null 2>&1
  pgbench $pg -S -c "$connections" -j 2 -T "${duration%s}" custodian_pgbench 2>/dev/null > "$work/pgbench.out"
  awk '/latency average/ { lat = $4 } /^tps/ { tps = $3 } END { printf "pgbench -S (scale 10, -c '"$connections"' -j 2): %.0f TPS, latency average %s ms\n", tps, lat }' "$work/pgbench.out"
  psql -X -q $pg -d postgres -c "drop database custodian_pgbench" >/dev/null
else
  echo "pgbench not available on this machine (Debian: apt-get install -y postgresql-contrib or postgresql-15)"
fi

if [[ $keep == 0 ]]; then
  purge "delete from asset where asset_tag like 'REGBENCH-%'"
  purge "delete from person where employee_id like 'REGBENCH-E%'"
  purge "delete from asset_group where name like 'Regbench team %'"
  echo "benchmark rows removed (--keep keeps them)"
fi
