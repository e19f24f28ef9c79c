#!/usr/bin/env bash
# Starts a fresh local system on its own ports and data folder, runs the bulk-ingestion
# benchmark against it (progress one at a time and in batches, unit import and PUT), and
# stops it again. Figures go to stdout (markdown tables).
# Usage: bench/run-bulk.sh [--reports=2000] [--units=5000] [--put-units=500]
source "$(dirname "${BASH_SOURCE[0]}")/local-system.sh"
bench_java bulk/BulkBench.java "$@"
