#!/usr/bin/env bash
# Starts the local MongoDB-wire store alone, on its own port and a fresh file, measures what
# it takes through the official driver (the limit of the store-bound figures in
# docs/benchmarks.md), and stops it again. Figures go to stdout (a markdown table).
#
# Usage: bench/run-store.sh [--documents=10000] [--batch=500]
#   STORE_JAR=path   the store to measure (default: the one deploy/local/cchc runs)
#   STORE_JAVA_OPTS  more options for its JVM (e.g. -XX:StartFlightRecording=filename=store.jfr)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${STORE_JAR:-$repo/deploy/local/mongo-store/target/local-mongo-store-0.1.0-SNAPSHOT.jar}"
[[ -f $jar ]] || (cd "$repo" && ./mvnw -B -ntp -q -pl deploy/local/mongo-store -am package -DskipTests)
work="$(mktemp -d /tmp/cchc-store-bench.XXXXXX)"
port="${MONGO_PORT:-27317}"
CCHC_MONGO_PORT=$port java -Xmx512m -XX:+UseSerialGC ${STORE_JAVA_OPTS:-} -jar "$jar" "$work/store.mv.db" >"$work/store.log" 2>&1 &
store=$!
trap 'kill $store 2>/dev/null; wait $store 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
	grep -q "ready" "$work/store.log" && break
	sleep 0.2
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "store: $(basename "$jar") on a fresh file (-Xmx512m, SerialGC), driver in another JVM"
# The driver: the store module's test classpath has it.
classpath="$(cd "$repo" && ./mvnw -B -ntp -q -o -pl deploy/local/mongo-store dependency:build-classpath \
	-Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
javac -d "$work/classes" -cp "$classpath" "$repo/bench/store/StoreBench.java"
java -cp "$work/classes:$classpath" StoreBench --uri="mongodb://127.0.0.1:$port" "$@"
