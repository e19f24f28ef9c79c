#!/usr/bin/env bash
# Starts a fresh local system with the gateway's per-client rate limit on (20 requests/s,
# burst 40, unless GATEWAY_RATE_PER_SECOND / GATEWAY_RATE_BURST say otherwise), times a
# commune system that keeps within its rate, alone and while another commune's system
# floods the gateway, and stops the system again. Figures go to stdout (markdown tables).
# Usage: bench/run-rate-limit.sh [--requests=400] [--rounds=8] [--steady-rate=10] [--flood-connections=8]
export GATEWAY_RATE_PER_SECOND="${GATEWAY_RATE_PER_SECOND:-20}" GATEWAY_RATE_BURST="${GATEWAY_RATE_BURST:-40}"
source "$(dirname "${BASH_SOURCE[0]}")/local-system.sh"
bench_java rate-limit/RateLimitBench.java "$@"
