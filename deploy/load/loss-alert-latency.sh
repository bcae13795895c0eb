#!/usr/bin/env bash
# Loss report -> leadership e-mail in the SMTP inbox, p50/p95/p99, at a given rate, against the locally run
# system. Start it first with deploy/local/run.sh (in another terminal), then:
#   deploy/load/loss-alert-latency.sh [--rate=20] [--count=400] [--warmup=20]
# Target (brief): p99 <= 1 s at 20 reports/s; the aim is <= 100 ms.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if ! curl -fs http://127.0.0.1:9000/q/health/ready >/dev/null || ! curl -fs http://127.0.0.1:9001/q/health/ready >/dev/null; then
  echo "Custodian is not running: start deploy/local/run.sh first" >&2
  exit 1
fi
# GreenMail slows down as its mailboxes fill (thousands of mails cost it more CPU than Custodian uses):
# start each run from empty mailboxes so that the figures measure Custodian, not the sink
curl -fs -X POST http://127.0.0.1:8083/api/mail/purge >/dev/null
CUSTODIAN_TOKEN=$(deploy/local/token.sh asset-admin bench@example.com)
export CUSTODIAN_TOKEN
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
exec java -cp "deploy/local/target/lib/*" deploy/load/LossAlertLatency.java "$@"
