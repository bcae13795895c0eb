#!/usr/bin/env bash
# Custodian on this machine, one command: builds what is needed, then starts
#   PostgreSQL 127.0.0.1:55432, Kafka 127.0.0.1:9092, SMTP sink 127.0.0.1:3025 (mail over HTTP on :8083),
#   an OpenID Connect provider :8088 with demo users (the console's sign-in),
#   asset-service :8080 (console: /console) and notification-worker :8081.
# Ctrl-C, or `deploy/local/run.sh stop` from another shell, stops everything it started.
#
#   deploy/local/run.sh          build if sources changed, start, wait for Ctrl-C
#   deploy/local/run.sh stop     stop what a previous run started
#
# Needs a JDK 17+. Data (PostgreSQL, Kafka, JWT keys) is kept in deploy/local/.data (git-ignored).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
data=${CUSTODIAN_LOCAL_DATA:-$root/deploy/local/.data}
pids=$data/pids
logs=$data/logs
mkdir -p "$pids" "$logs"
cd "$root"

stop_all() {
  local any=0
  # services first, infrastructure last
  for name in notification-worker asset-service oidc-provider infrastructure; do
    local file=$pids/$name.pid
    [[ -f $file ]] || continue
    local pid
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
      any=1
      echo "stopping $name (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
  done
  [[ $any == 1 ]] && echo "stopped" || true
}

if [[ ${1:-start} == stop ]]; then
  stop_all
  exit 0
fi

for port in 8080 8081 8088 9092 3025 8083 55432; do
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "port $port is already in use: is Custodian already running? (deploy/local/run.sh stop)" >&2
    exit 1
  fi
done

# --- build, when a jar is missing or a source is newer than it ---
jars=(asset-service/target/quarkus-app/quarkus-run.jar notification-worker/target/quarkus-app/quarkus-run.jar
      deploy/local/target/custodian-local-0.1.0-SNAPSHOT.jar)
build=0
for jar in "${jars[@]}"; do
  if [[ ! -f $jar ]]; then build=1; break; fi
done
if [[ $build == 0 ]] && [[ -n $(find api-spec asset-service/src notification-worker/src deploy/local/src pom.xml \
    -newer "${jars[0]}" -type f -print -quit) ]]; then
  build=1
fi
if [[ $build == 1 ]]; then
  echo "building (./mvnw package, tests skipped; the first build downloads ~250 MB)..."
  ./mvnw -B -q package -DskipTests -pl api-spec,deploy/local,asset-service,notification-worker -am
fi

trap 'echo; stop_all; exit 0' INT TERM

wait_for() { # name, command, timeout seconds
  local name=$1 check=$2 timeout=$3
  for _ in $(seq 1 $((timeout * 2))); do
    if eval "$check" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$name did not come up within ${timeout}s; see $logs" >&2
  stop_all
  exit 1
}

# --- infrastructure: PostgreSQL, Kafka, SMTP sink, JWT keys (deploy/local's LocalStack) ---
CUSTODIAN_LOCAL_DATA=$data java -Xmx768m -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  io.custodian.local.LocalStack > "$logs/infrastructure.log" 2>&1 &
echo $! > "$pids/infrastructure.pid"
wait_for "infrastructure" "grep -q 'LOCAL STACK READY' '$logs/infrastructure.log'" 120
echo "infrastructure up: PostgreSQL 127.0.0.1:55432, Kafka 127.0.0.1:9092, SMTP 127.0.0.1:3025 (log: $logs/infrastructure.log)"

# --- the console's identity provider: mock-oauth2-server in its own process, one demo user per role ---
java -Xmx256m -cp "deploy/local/target/classes:deploy/local/target/lib/*" \
  io.custodian.local.OidcProvider 8088 "$data/oidc" > "$logs/oidc-provider.log" 2>&1 &
echo $! > "$pids/oidc-provider.pid"
wait_for "oidc-provider" "grep -q 'OIDC PROVIDER READY' '$logs/oidc-provider.log'" 60
echo "OIDC provider up: http://127.0.0.1:8088/custodian (log: $logs/oidc-provider.log)"

# --- the services, configured as in production: through environment variables only ---
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
export CUSTODIAN_JWT_ISSUER=https://custodian.local/issuer
export CUSTODIAN_JWT_PUBLIC_KEY=$data/jwt/public.pem

# a static consumer-group member (CUSTODIAN_WORKER_MEMBER_ID): a worker killed and started again gets its
# partitions back at once rather than after the session timeout; the start-up message
# (CUSTODIAN_READINESS_MAIL_TO) proves mail goes out before the worker says it is ready
# the load scripts (deploy/load) report at 20/s from one client: above the production limit of 30 a minute
CUSTODIAN_DB_URL=jdbc:postgresql://127.0.0.1:55432/custodian_assets CUSTODIAN_DB_USER=custodian \
CUSTODIAN_DB_PASSWORD=custodian CUSTODIAN_REPORT_RATE_LIMIT=${CUSTODIAN_REPORT_RATE_LIMIT:-100000} \
CUSTODIAN_OIDC_ISSUER=http://127.0.0.1:8088/custodian CUSTODIAN_OIDC_CLIENT_ID=custodian \
CUSTODIAN_OIDC_CLIENT_SECRET=local-console-secret-not-for-production CUSTODIAN_CONSOLE_SECURE_COOKIES=false \
  java -Xmx512m -jar asset-service/target/quarkus-app/quarkus-run.jar > "$logs/asset-service.log" 2>&1 &
echo $! > "$pids/asset-service.pid"

CUSTODIAN_DB_URL=jdbc:postgresql://127.0.0.1:55432/custodian_notifications CUSTODIAN_DB_USER=custodian \
CUSTODIAN_DB_PASSWORD=custodian CUSTODIAN_SMTP_HOST=127.0.0.1 CUSTODIAN_SMTP_PORT=3025 CUSTODIAN_SMTP_START_TLS=DISABLED \
CUSTODIAN_RECIPIENTS_CEO=${CUSTODIAN_RECIPIENTS_CEO:-ceo@example.com} \
CUSTODIAN_RECIPIENTS_CTO=${CUSTODIAN_RECIPIENTS_CTO:-cto@example.com} \
CUSTODIAN_RECIPIENTS_IT=${CUSTODIAN_RECIPIENTS_IT:-it@example.com} \
CUSTODIAN_DELIVERY_ALLOW_PRIVATE_TARGETS=${CUSTODIAN_DELIVERY_ALLOW_PRIVATE_TARGETS:-true} \
CUSTODIAN_WORKER_MEMBER_ID=${CUSTODIAN_WORKER_MEMBER_ID:-local-worker} \
CUSTODIAN_READINESS_MAIL_TO=${CUSTODIAN_READINESS_MAIL_TO:-ops@example.com} \
  java -Xmx512m -jar notification-worker/target/quarkus-app/quarkus-run.jar > "$logs/notification-worker.log" 2>&1 &
echo $! > "$pids/notification-worker.pid"

wait_for "asset-service" "curl -fs http://127.0.0.1:9000/q/health/ready" 90
wait_for "notification-worker" "curl -fs http://127.0.0.1:9001/q/health/ready" 90

# --- a demo asset to report, fresh on every start ---
admin=$(deploy/local/token.sh asset-admin it@example.com)
api=http://127.0.0.1:8080/api/v1
group=$(curl -fs -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Demo team $(date +%s)\",\"contactEmail\":\"demo-team@example.com\",\"chatChannel\":\"#demo\"}" \
  "$api/groups" | sed -E 's/.*"id":"([^"]+)".*/\1/')
tag=DEMO-$(date +%H%M%S)
curl -fs -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"assetTag\":\"$tag\",\"name\":\"Demo laptop\",\"category\":\"laptop\",\"classification\":\"confidential\",\"owner\":{\"type\":\"group\",\"id\":\"$group\"}}" \
  "$api/assets"

# --- the console's demo employee, with a laptop of their own ---
alex=$(curl -fs -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d '{"email":"alex@example.com","displayName":"Alex Employee"}' \
  "$api/people/by-employee-id/E-ALEX" | sed -E 's/.*"id":"([^"]+)".*/\1/')
curl -fs -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  -d "{\"assetTag\":\"$tag-A\",\"name\":\"Alex's laptop\",\"category\":\"laptop\",\"classification\":\"confidential\",\"owner\":{\"type\":\"person\",\"id\":\"$alex\"}}" \
  "$api/assets"

cat <<MSG

Custodian is running.
  asset-service        http://127.0.0.1:8080   (contract: /q/openapi; health and metrics: http://127.0.0.1:9000/q/health, /q/metrics)
  notification-worker  http://127.0.0.1:8081   (health and metrics: http://127.0.0.1:9001/q/health, /q/metrics)
  logs                 $logs

Report the demo laptop $tag stolen (an admin token, valid 12 h; get others with deploy/local/token.sh ROLE EMAIL):

curl -i -X POST $api/incidents \\
  -H 'Authorization: Bearer $admin' \\
  -H 'Content-Type: application/json' \\
  -d '{"assetTag":"$tag","kind":"stolen","occurredAt":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","location":"Cafe on Main St","circumstances":"Bag taken from under the table"}'

Then read the leadership alerts in the SMTP sink:
  curl -s http://127.0.0.1:8083/api/user/ceo@example.com/messages/INBOX/
  curl -s http://127.0.0.1:8083/api/user/cto@example.com/messages/INBOX/

The console (phone or laptop): http://localhost:8080/console
  Sign in on the local identity provider's page by choosing a demo user:
    Alex Employee  alex@example.com     employee (holds $tag-A: report it lost or stolen)
    Iris IT admin  it@example.com       asset-admin
    Cora CEO       ceo@example.com      leadership
    Theo CTO       cto@example.com      leadership
    Ada Auditor    auditor@example.com  auditor
    Hana HR        hr@example.com       hr-system
  Sign out: http://localhost:8080/console/sign-out

Ctrl-C stops everything (or: deploy/local/run.sh stop).
MSG

wait
