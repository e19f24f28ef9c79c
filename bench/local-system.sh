# Sourced by the bench/run-*.sh scripts: starts a fresh local system on its own ports and
# data folder (stopped again when the script exits), prints the machine, then runs
# `bench_java <folder/Program.java> [args]` against its gateway.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCHC_VAR="${CCHC_VAR:-$(mktemp -d /tmp/cchc-bench.XXXXXX)}"
export GATEWAY_PORT="${GATEWAY_PORT:-28080}" PLAN_PORT="${PLAN_PORT:-28081}" REPORT_PORT="${REPORT_PORT:-28082}"
export NOTIFICATION_PORT="${NOTIFICATION_PORT:-28083}" KAFKA_PORT="${KAFKA_PORT:-29092}"
export KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-29093}" MONGO_PORT="${MONGO_PORT:-27217}"
export PROVIDERS_SMTP_PORT="${PROVIDERS_SMTP_PORT:-23025}" PROVIDERS_IMAP_PORT="${PROVIDERS_IMAP_PORT:-23143}"
export PROVIDERS_HTTP_PORT="${PROVIDERS_HTTP_PORT:-28089}" AUTH_PORT="${AUTH_PORT:-29000}"
# The benchmarks measure the pipeline, not the gateway's per-client rate limit: lift it (run-rate-limit.sh
# sets its own rate before sourcing this).
export GATEWAY_RATE_PER_SECOND="${GATEWAY_RATE_PER_SECOND:-100000}" GATEWAY_RATE_BURST="${GATEWAY_RATE_BURST:-100000}"

trap '"$repo/deploy/local/cchc" down >/dev/null 2>&1 || true' EXIT
"$repo/deploy/local/cchc" up --detach

# Right after start-up the services are still busy (JIT, the demo's first reminders, the
# consumers catching up): wait until the box is at least 70 % idle over 5 s (at most
# BENCH_SETTLE_SECONDS, 5 min by default), so that the first figures of a run are not taken
# on a busier box than the last.
settle() {
	local deadline=$((SECONDS + ${BENCH_SETTLE_SECONDS:-300})) idle
	while ((SECONDS < deadline)); do
		idle=$(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; sleep 5
			awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat)
		idle=$(echo "$idle" | awk 'NR == 1 {i = $1; t = $2} NR == 2 {print int(100 * ($1 - i) / ($2 - t))}')
		echo "settling: ${idle}% idle"
		((idle >= 70)) && return 0
	done
	echo "the box did not settle within ${BENCH_SETTLE_SECONDS:-300} s; measuring anyway"
}
settle

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "java: $(java -version 2>&1 | head -1)"

# Compiles the program with bench/common (what the programs share) and runs its class;
# BENCH_CLASSPATH (optional) adds libraries, e.g. the broker's jars for kafka-clients.
bench_java() {
	local program=$1
	shift
	local classes="$CCHC_VAR/bench-classes"
	javac -d "$classes" ${BENCH_CLASSPATH:+-cp "$BENCH_CLASSPATH"} "$repo/bench/common/"*.java "$repo/bench/$program"
	java -cp "$classes${BENCH_CLASSPATH:+:$BENCH_CLASSPATH}" "$(basename "$program" .java)" \
		--gateway="http://127.0.0.1:$GATEWAY_PORT" --issuer="http://localhost:$AUTH_PORT" "$@"
}
