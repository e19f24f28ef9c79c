#!/bin/sh
#
# Issues the demo plans through the gateway: deploy/local/demo/load-plans.sh <gateway-url>
# Used by deploy/local/cchc and by docker-compose's demo-data container (POSIX sh and
# curl only). Each plans/*.json is a plan draft as PUT /api/v1/plans/{planId} takes it,
# with its planId and issuedOn beside the plan's fields (the API ignores fields it does not
# know). A plan issued by an earlier run is left as it is: an issued plan changes only by
# amendment. The issuing units must be loaded first; plan-service sees them a moment
# after PUT /api/v1/units answers, so a refused draft is tried again for up to a minute.
# Writing plans needs an administrator's access token, in CCHC_TOKEN (the one-box runtime
# gets one for the provisioning client cchc-provisioning).

set -eu

gateway=${1:?usage: load-plans.sh <gateway-url>}
token=${CCHC_TOKEN:?CCHC_TOKEN must hold an administrator access token}
dir=$(cd "$(dirname "$0")/plans" && pwd -P)

# The value of the first "<key>": "<string>" of a file: the flat demo files start with it.
json_string() {
	grep -o "\"$2\": *\"[^\"]*\"" "$1" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/'
}

# Runs curl, prints the body, and fails unless the status is 2xx.
call() {
	answer=$(curl -sS --max-time 30 -H "Authorization: Bearer $token" -w '\n%{http_code}' "$@") || return 1
	status=$(printf '%s\n' "$answer" | tail -n 1)
	printf '%s\n' "$answer" | sed '$d'
	case $status in 2*) return 0 ;; *) return 1 ;; esac
}

issued=0
total=0
for file in "$dir"/*.json; do
	total=$((total + 1))
	plan_id=$(json_string "$file" planId)
	issued_on=$(json_string "$file" issuedOn)
	if [ -z "$plan_id" ] || [ -z "$issued_on" ]; then
		echo "$file has no top-level planId or issuedOn" >&2
		exit 1
	fi
	url="$gateway/api/v1/plans/$plan_id"
	if current=$(call "$url") && ! printf '%s' "$current" | grep -q '"status": *"DRAFT"'; then
		continue
	fi
	tries=0
	until body=$(call -X PUT -H 'Content-Type: application/json' --data-binary "@$file" "$url"); do
		# Another province's plan is not readable with Bắc Ninh's token, so an issued one
		# shows here: plan-service refuses to redraft it.
		if printf '%s' "$body" | grep -q 'problems/plan-not-draft'; then
			continue 2
		fi
		tries=$((tries + 1))
		if [ "$tries" -ge 30 ]; then
			echo "PUT $url was refused: $body" >&2
			exit 1
		fi
		sleep 2
	done
	if ! body=$(call -X POST -H 'Content-Type: application/json' --data "{\"issuedOn\":\"$issued_on\"}" "$url:issue"); then
		echo "POST $url:issue was refused: $body" >&2
		exit 1
	fi
	issued=$((issued + 1))
done
echo "$issued of the $total demo plans issued now, the others were issued before"
