#!/usr/bin/env bash
# Starts a fresh local system on its own ports and data folder, runs the bulk-ingestion
# benchmark against it (progress one at a time and in batches, unit import and PUT), and
# stops it again. Figures go to stdout (markdown tables).
# Usage: bench/run-bulk.sh [--reports=2000] [--units=5000] [--put-units=500]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCHC_VAR="${CCHC_VAR:-$(mktemp -d /tmp/cchc-bench.XXXXXX)}"
export GATEWAY_PORT="${GATEWAY_PORT:-28080}" PLAN_PORT="${PLAN_PORT:-28081}" REPORT_PORT="${REPORT_PORT:-28082}"
export NOTIFICATION_PORT="${NOTIFICATION_PORT:-28083}" KAFKA_PORT="${KAFKA_PORT:-29092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-29093}" MONGO_PORT="${MONGO_PORT:-27217}"

trap '"$repo/deploy/local/cchc" down >/dev/null 2>&1 || true' EXIT
"$repo/deploy/local/cchc" up --detach

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "java: $(java -version 2>&1 | head -1)"
java "$repo/bench/bulk/BulkBench.java" --gateway="http://127.0.0.1:$GATEWAY_PORT" "$@"
