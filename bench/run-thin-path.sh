#!/usr/bin/env bash
# Starts a fresh local system on its own ports and data folder, runs the thin-path
# benchmark against it, and stops it again. Figures go to stdout (markdown tables).
# Usage: bench/run-thin-path.sh [--clients=1,4,16] [--events=3000] [--probes=200]
source "$(dirname "${BASH_SOURCE[0]}")/local-system.sh"
bench_java thin-path/ThinPathBench.java "$@"
