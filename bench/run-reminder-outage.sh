#!/usr/bin/env bash
# Progress ingestion while notification-service sends a thousand communes their reminders
# with the SMS gateway down: runs ReminderOutageSystemIntegrationTests, which starts the
# local system on the system-test ports (18080-18083, 19092, 27117, 13025/13143/18089),
# measures the ingestion of progress events through the gateway before and during the
# storm in the same run, and prints its figures with the prefix [reminder-outage].
# Usage: bench/run-reminder-outage.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
./mvnw -B -q -DskipTests package
./mvnw -B -q -pl system-tests verify -Dit.test=ReminderOutageSystemIntegrationTests \
	-Dfailsafe.failIfNoSpecifiedTests=false -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false || status=$?
grep -h '\[reminder-outage\]' system-tests/target/failsafe-reports/*ReminderOutage*-output.txt
exit "${status:-0}"
