#!/usr/bin/env bash
# Imports a CSV of assets into a running asset-service and follows the job with a progress bar.
#
#   deploy/local/import.sh FILE [--dialect=snipeit|custodian] [--dry-run] [--skip-invalid]
#                               [--default-owner-group=ID]
#
#   --dialect=…              the column layout (default: detected from the header row)
#   --dry-run                count what would be created, updated or left unchanged; write nothing
#   --skip-invalid           import the valid rows and report the others (default: all-or-nothing)
#   --default-owner-group=ID the group that owns rows naming no known owner
#
# Environment: CUSTODIAN_URL (default http://127.0.0.1:8080), CUSTODIAN_EMAIL (the admin the token is for,
# default it@example.com), CUSTODIAN_TOKEN (a bearer token to use instead of deploy/local/token.sh).
# Exit code: 0 when the job completed (rows may have been rejected with --skip-invalid), 1 when the upload was
# refused or the job was rejected or failed, 2 for a usage error.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
base=${CUSTODIAN_URL:-http://127.0.0.1:8080}
base=${base%/}
email=${CUSTODIAN_EMAIL:-it@example.com}
poll=${CUSTODIAN_POLL_SECONDS:-1}

usage() {
  sed -n '2,16s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

file=
query=()
for arg in "$@"; do
  case $arg in
    --dialect=snipeit | --dialect=custodian) query+=("dialect=${arg#*=}") ;;
    --dialect=*) echo "--dialect must be snipeit or custodian" >&2; exit 2 ;;
    --dry-run) query+=("dryRun=true") ;;
    --skip-invalid) query+=("mode=skip-invalid") ;;
    --default-owner-group=?*) query+=("defaultOwnerGroup=${arg#*=}") ;;
    -h | --help) usage ;;
    -*) echo "unknown option $arg" >&2; usage ;;
    *)
      [[ -z $file ]] || { echo "one file at a time" >&2; usage; }
      file=$arg
      ;;
  esac
done
[[ -n $file ]] || usage
[[ -f $file && -r $file ]] || { echo "cannot read $file" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing" >&2; exit 2; }

token=${CUSTODIAN_TOKEN:-$("$root/deploy/local/token.sh" asset-admin "$email")}
auth="Authorization: Bearer $token"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1,234,567
thousands() {
  local n=$1 out=
  while ((${#n} > 3)); do
    out=",${n: -3}$out"
    n=${n:0:${#n}-3}
  done
  echo "$n$out"
}
# a field of the job's compact JSON: a number, boolean or plain string (ids, states)
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" <<<"$2"; }
# a text field (may hold commas; escaped quotes end it early)
text() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" <<<"$2"; }

url="$base/api/v1/imports"
if ((${#query[@]})); then
  url+="?$(IFS='&'; echo "${query[*]}")"
fi
tty=0
[[ -t 1 ]] && tty=1

# --- upload: streamed from the file (-T), not read into curl's memory ---
size=$(wc -c <"$file" | tr -d ' ')
echo "uploading $file ($(thousands "$size") bytes) to $base"
progress_flag=(-sS)
((tty)) && progress_flag=(-# -S)
status=$(curl "${progress_flag[@]}" -o "$work/job.json" -w '%{http_code}' -X POST "$url" -H "$auth" \
  -H 'Content-Type: text/csv' -H 'Expect:' -T "$file") || {
  echo "upload failed: is asset-service running on $base?" >&2
  exit 1
}
job=$(cat "$work/job.json")
if [[ $status != 202 ]]; then
  echo "upload refused (HTTP $status): $(text detail "$job")" >&2
  [[ -n $(text detail "$job") ]] || echo "$job" >&2
  exit 1
fi
id=$(field id "$job")
location="$base/api/v1/imports/$id"
echo "import $id queued; follow it with: curl -s $location -H \"Authorization: Bearer \$TOKEN\""

# --- follow the job: a progress bar from progress and rowsRead ---
width=40
last_line=-1
failures=0
state=$(field state "$job")
while [[ $state == queued || $state == running ]]; do
  sleep "$poll"
  if ! job=$(curl -fsS "$location" -H "$auth" 2>"$work/curl.err"); then
    failures=$((failures + 1))
    if ((failures >= 60)); then
      echo >&2
      echo "lost contact with $base ($(cat "$work/curl.err")); the job goes on: curl -s $location" >&2
      exit 1
    fi
    continue
  fi
  failures=0
  state=$(field state "$job")
  progress=$(field progress "$job")
  progress=${progress:-0}
  rows=$(field rowsRead "$job")
  done_width=$((progress * width / 100))
  bar=$(printf '%*s' "$done_width" '' | tr ' ' '#')$(printf '%*s' $((width - done_width)) '' | tr ' ' '.')
  line=$(printf '[%s] %3d%%  %s rows' "$bar" "$progress" "$(thousands "$rows")")
  if ((tty)); then
    printf '\r%s  %s\033[K' "$line" "$state"
  elif ((progress / 10 != last_line)); then
    # not a terminal (a log, CI): a line per 10 %
    echo "$line"
    last_line=$((progress / 10))
  fi
done
((tty)) && echo

# --- the outcome ---
read_rows=$(field rowsRead "$job")
rejected=$(field rowsRejected "$job")
dry=$(field dryRun "$job")
printf 'import %s: %s%s\n' "$id" "$state" "$([[ $dry == true ]] && echo ' (dry run: nothing was written)')"
printf '  %-10s %12s\n' "read" "$(thousands "$read_rows")" \
  "created" "$(thousands "$(field created "$job")")" \
  "updated" "$(thousands "$(field updated "$job")")" \
  "unchanged" "$(thousands "$(field unchanged "$job")")" \
  "rejected" "$(thousands "$rejected")"
if [[ $state == rejected ]]; then
  if [[ $rejected == 0 ]]; then
    echo "the file cannot be imported at all (its header); nothing was written"
  else
    echo "nothing was written: all-or-nothing, and rows are invalid (fix them, or use --skip-invalid)"
  fi
fi
if [[ $state == failed ]]; then
  echo "failed: $(text failure "$job")" >&2
fi
if [[ $rejected != 0 || $state == rejected ]]; then
  echo "the rejected rows, with row number, column and reason:"
  echo "  curl -s $location/errors -H 'Accept: text/csv' -H \"Authorization: Bearer \$TOKEN\" -o import-$id-errors.csv"
  echo "  (TOKEN=\$(deploy/local/token.sh asset-admin $email))"
fi
[[ $state == completed ]]
