#!/usr/bin/env bash
# Starts a fresh local system on its own ports and data folder, runs the pipeline benchmark
# against it (issue 13: Kafka's producer perf test as the limit; progress straight onto
# cchc.progress, through the inbox topic, HTTP batches and single POSTs, each until the
# province's totals count it; latency at a steady rate; the counting rate with a small and
# a large log; rebuilding every figure; a unit import; the reminders of every commune), and
# stops it again. Figures go to stdout (markdown tables).
#
# Usage: bench/run-pipeline.sh [--smoke] [--only=phase,...] [--skip=phase,...] [sizes...]
#   phases: perf log-small progress inbox batch single latency log-large rebuild units reminders
#   --smoke                 small sizes for a quick check (minutes, not the campaign)
#   --perf-records=1000000  ProducerPerformance records (500 B, acks=all, idempotent, lz4)
#   --events=200000         events straight onto cchc.progress
#   --inbox-events=100000   raw reports onto cchc.progress.inbox
#   --batch-events=60000    reports in HTTP batches of 100 (--batch-clients=4)
#   --single-events=10000   single POSTs per client count (--clients=1,16,64)
#   --latency-rate=500 --latency-seconds=60   the steady load of the latency probes
#   --log-events=10000,1000000   log sizes at which a window of --log-window=100000 events
#                           is counted (the largest size also sets what the rebuild reads)
#   --units=10600           communes imported (one CSV) and reminded
#   --stall-seconds=180     a phase fails when its count does not move for this long
#   --read-via=report       read the province's totals from report-service (or: gateway)
#
# What the system under test is given (before local-system.sh starts it): the reminders'
# provider rates (notification-service's MAIL_ and SMS_RATE_PER_SECOND, a contract's 30/s
# by default, and MAIL_ and SMS_CONCURRENCY, 4) raised so that the dispatcher, not a
# provider's rate, is measured, with the dev SMS gateway's HTTP threads above the SMS
# concurrency (see deploy/local/dev-providers' DevProviders); no quiet hours for SMS, so
# that a run at night sends them too; the bench program compiled and run with the broker's
# jars (kafka-clients, and ProducerPerformance in its own JVM).
export MAIL_RATE_PER_SECOND="${MAIL_RATE_PER_SECOND:-2000}" SMS_RATE_PER_SECOND="${SMS_RATE_PER_SECOND:-2000}"
export MAIL_CONCURRENCY="${MAIL_CONCURRENCY:-8}" SMS_CONCURRENCY="${SMS_CONCURRENCY:-8}"
export CCHC_PROVIDERS_HTTP_THREADS="${CCHC_PROVIDERS_HTTP_THREADS:-16}"
export CCHC_SMS_QUIET_START="${CCHC_SMS_QUIET_START:-00:00}" CCHC_SMS_QUIET_END="${CCHC_SMS_QUIET_END:-00:00}"
export BENCH_CLASSPATH="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/deploy/local/kafka-broker/target/libs/*"
source "$(dirname "${BASH_SOURCE[0]}")/local-system.sh"
bench_java pipeline/PipelineBench.java --kafka="127.0.0.1:$KAFKA_PORT" --report="http://127.0.0.1:$REPORT_PORT" \
	--providers="http://127.0.0.1:$PROVIDERS_HTTP_PORT" --kafka-libs="$repo/deploy/local/kafka-broker/target/libs" \
	--kafka-log4j="$repo/deploy/local/kafka-broker/log4j2.xml" "$@"
