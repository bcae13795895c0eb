#!/usr/bin/env bash
# Prints deploy/monitoring/custodian-rules.yaml as a Prometheus Operator PrometheusRule, so the rules
# have one source:  deploy/monitoring/k8s/prometheusrule.sh | kubectl apply -f -
set -euo pipefail
rules="$(dirname "$0")/../custodian-rules.yaml"
cat <<'HEAD'
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: custodian
  labels:
    app.kubernetes.io/part-of: custodian
spec:
HEAD
grep -v '^#' "$rules" | sed 's/^/  /'
