#!/usr/bin/env bash
# Prints a bearer token that the locally run services accept.
#   deploy/local/token.sh ROLE EMAIL
#   ROLE: asset-admin | employee | hr-system | leadership | auditor | mdm-sync
# Signed with the development key pair in deploy/local/.data/jwt (created on first use; run.sh points
# the services at its public key). Needs only a JDK: DevTokens.java runs as a single-file program.
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 ROLE EMAIL   (ROLE: asset-admin | employee | hr-system | leadership | auditor | mdm-sync)" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${CUSTODIAN_LOCAL_DATA:-$root/deploy/local/.data}
exec java "$root/deploy/local/src/main/java/io/custodian/local/DevTokens.java" "$1" "$2" "$data/jwt"
