#!/usr/bin/env bash
# Publishing benchmark: a run that changes the tier of every customer (1,000,000 by default) published on
# PostgreSQL through the server, then the listeners of its one TiersPublished event until every publication is
# completed: the customers' own timelines (a row per change, a page of 10,000 changes at a time) and the audit entry.
#
#   bench/publish/run.sh                          # 1,000,000 customers
#   CUSTOMERS=100000 bench/publish/run.sh         # a quick run
#   REUSE_DB=1 bench/publish/run.sh               # keep the database and the run of an earlier run
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (tierdesk_bench_publish), RUNS (3 timed
# publications), PORT (18081, the server), KEEP_DATA=1 keeps bench/work/publish.
#
# Steps (only 4 is timed):
#   1. build the jar;
#   2. generate CUSTOMERS customers with one paid order each, import them into a fresh database and assess everybody
#      with the command line: a run awaiting approval with a result for every customer (skipped with REUSE_DB=1);
#   3. approve the run in the database, as a second supervisor would, and start the server;
#   4. RUNS times: set every customer back to no tier (TRUNCATE of the current tiers, the timelines and the customers'
#      own timelines, the run approved again, no event publications, no audit entry of it; not timed), then
#        - publish: POST /api/v1/tiering/runs/{id}/publish, timed by the client from the request to the answer: the run's
#          results unpacked into a temporary table, the changes written to the timeline and the current tiers, the
#          event stored, all in one transaction, committed;
#        - listeners: from the event's publication (stored in that transaction) to the last listener's completion,
#          read from the publication registry (event_publication), for each listener and in all.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
customers=${CUSTOMERS:-1000000}
db=${BENCH_DB:-tierdesk_bench_publish}
runs=${RUNS:-3}
port=${PORT:-18081}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work="$root/bench/work/publish"
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
mkdir -p "$work"

log "building the jar"
./mvnw -q -B -ntp -DskipTests package
rm -f target/*.jar.original
jar=$(ls target/tierdesk-*.jar | head -1)
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD=
tierdesk() { java ${TIERDESK_JAVA_OPTS:--Xmx4g} -jar "$jar" "$@"; }
as_of=$(TZ=Asia/Shanghai date +%F)
sql() { psql -d "$db" -qAtc "$1"; }

if [ "${REUSE_DB:-0}" != 1 ] || ! sql "SELECT 1 FROM assessment_run WHERE status IN ('AWAITING_APPROVAL', 'APPROVED', 'PUBLISHED')" | grep -q 1; then
  log "fresh database $db: $customers customers with one paid order each"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  rm -rf "$work/data"
  tierdesk demo-data --customers "$customers" --orders-per-customer 1 --output "$work/data" --as-of "$as_of"
  for kind in customers orders; do
    tierdesk import "$kind" "$work/data/$kind.csv" >&2
  done
  log "assessing everybody (the run to publish)"
  tierdesk assess --as-of "$as_of" --by bench >&2
  sql "VACUUM ANALYZE"
fi
run=$(sql "SELECT MAX(id) FROM assessment_run WHERE status IN ('AWAITING_APPROVAL', 'APPROVED', 'PUBLISHED')")
population=$(sql "SELECT assessed FROM assessment_run WHERE id = $run")
sql "UPDATE assessment_run SET status = 'APPROVED', decided_by = 'bench-approver', decided_at = now() WHERE id = $run" >/dev/null

log "starting the server"
token=$(tierdesk token --name "publish benchmark" --role SUPERVISOR --valid-for PT2H --by bench)
java ${TIERDESK_JAVA_OPTS:--Xmx4g} -jar "$jar" --server.port="$port" --tierdesk.demo.enabled=false \
  --tierdesk.security.demo-users=false --tierdesk.scheduler.recurring=false > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

publish_seconds=()
listener_seconds=()
for i in $(seq 1 "$runs"); do
  sql "TRUNCATE customer_tier, tier_history, customer_tier_timeline" >/dev/null
  sql "DELETE FROM event_publication" >/dev/null
  sql "DELETE FROM audit_event WHERE occurrence_key = 'run-published:$run'" >/dev/null
  sql "UPDATE assessment_run SET status = 'APPROVED', published_at = NULL WHERE id = $run" >/dev/null
  sql "VACUUM ANALYZE customer_tier" >/dev/null
  started=$(date +%s.%N)
  status=$(curl -sf -X POST -H "Authorization: Bearer $token" "localhost:$port/api/v1/tiering/runs/$run/publish" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')
  published=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  while [ "$(sql "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")" != 0 ]; do sleep 0.2; done
  listeners=$(sql "SELECT ROUND(EXTRACT(EPOCH FROM MAX(completion_date) - MIN(publication_date))::numeric, 2) FROM event_publication")
  per_listener=$(sql "SELECT string_agg(listener_id || ' ' || ROUND(EXTRACT(EPOCH FROM completion_date - publication_date)::numeric, 2) || ' s', ', ' ORDER BY listener_id) FROM event_publication")
  changes=$(sql "SELECT COUNT(*) FROM tier_history WHERE run_id = $run")
  timeline=$(sql "SELECT COUNT(*) FROM customer_tier_timeline WHERE cause = 'ASSESSMENT' AND cause_id = $run")
  audit=$(sql "SELECT COUNT(*) FROM audit_event WHERE action = 'RUN_PUBLISHED' AND subject = 'run $run'")
  log "publication $i: run $run $status, $changes changes in $published s; listeners $listeners s ($per_listener); timeline rows $timeline, audit entries $audit"
  publish_seconds+=("$published")
  listener_seconds+=("$listeners")
done
kill $server; wait $server 2>/dev/null || true
trap - EXIT

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "population: $population customers assessed by run $run, every one a change (a first publication)"
echo "publish (request to committed answer), $runs runs: ${publish_seconds[*]} s; median $(median "${publish_seconds[@]}") s"
echo "listeners (event stored to all publications completed), $runs runs: ${listener_seconds[*]} s; median $(median "${listener_seconds[@]}") s"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
