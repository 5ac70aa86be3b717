#!/usr/bin/env bash
# Intake latency: tickets at a fixed arrival rate through the API on a database that already holds a large history,
# timed from each request's intended send time (an open loop: a slow answer does not hold the next request back).
#
#   bench/intake/latency.sh                                  # 1,000,000 tickets loaded, 500 tickets/s for 60 s
#   PRELOAD=100000 RATE=100 SECONDS_EACH=20 bench/intake/latency.sh
#
# Settings: PRELOAD (1000000 tickets), CUSTOMERS (100000), RATE (500 tickets/s), SECONDS_EACH (60, after WARMUP 10 s
# at the rate), BENCH_DB (tierdesk_bench_latency), REUSE_DB=1 keeps the database of an earlier run (its preload and
# customers), KEEP_DATA=1 keeps bench/work/latency, and those of common.sh.
#
# Steps:
#   1. build the jar; a fresh database, the server started on it with CUSTOMERS demo customers, an agent's API token;
#   2. PRELOAD past tickets written with COPY (TicketCopy.java): the tickets, their first messages, timeline entries,
#      clock events, four targets each and intake keys, the identities moved past them, VACUUM ANALYZE;
#   3. a warm-up of 20 s with 8 clients sending back to back (not counted);
#   4. the open loop: WARMUP s at RATE (not counted), then SECONDS_EACH s at RATE; p50, p90, p99, max and errors
#      (an answer other than 201, or none within 30 s).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
preload=${PRELOAD:-1000000}
customers=${CUSTOMERS:-100000}
rate=${RATE:-500}
seconds=${SECONDS_EACH:-60}
warmup=${WARMUP:-10}
db=${BENCH_DB:-tierdesk_bench_latency}
work="$root/bench/work/latency"
mkdir -p "$work"
trap 'stop_server' EXIT

build_jar
if [ "${REUSE_DB:-0}" = 1 ] && [ "$(psql -d "$db" -qAtXc "SELECT COUNT(*) FROM ticket" 2>/dev/null || echo 0)" -ge "$preload" ]; then
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD=
  customers=$(sql "SELECT COUNT(*) FROM customer")
  log "reusing $db: $customers customers, $(sql "SELECT COUNT(*) FROM ticket") tickets"
  start_server
  agent_token
else
  create_database
  start_with_customers "$customers"
  log "loading $preload past tickets with COPY"
  started=$(date +%s)
  # the demo's own tickets go first: the copied ones take their ids from 1
  sql "TRUNCATE ticket_intake_key, ticket_daily_load, ticket RESTART IDENTITY CASCADE"
  javac -d "$work/classes" "$intake/TicketCopy.java"
  sql "SELECT c.id || ',' || c.code || ',' || COALESCE(t.effective_tier, 'REGULAR')
         FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id ORDER BY c.id" > "$work/customers.csv"
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  policy=$(sql "SELECT MAX(version) FROM sla_policy_version")
  java -cp "$work/classes" TicketCopy columns | while read -r columns; do
    java -cp "$work/classes" TicketCopy "${columns%% *}" "$preload" "$work/customers.csv" "$now" "$policy" \
      | psql -d "$db" -qX -v ON_ERROR_STOP=1 -c "\\copy $columns FROM STDIN (FORMAT csv)"
  done
  for table in ticket ticket_message ticket_timeline; do
    sql "SELECT setval(pg_get_serial_sequence('$table', 'id'), (SELECT MAX(id) FROM $table))" >/dev/null
  done
  sql "VACUUM ANALYZE"
  log "loaded in $(( $(date +%s) - started )) s: $(sql "SELECT COUNT(*) FROM ticket") tickets, $(sql "SELECT COUNT(*) FROM ticket_sla_target") targets"
fi

log "warm-up: 8 clients, 20 s"
load closed --clients 8 --seconds 20 --warmup 0 >&2
log "open loop: $rate tickets/s, $warmup s of warm-up, then $seconds s"
result=$(load open --rate "$rate" --seconds "$seconds" --warmup "$warmup")
stop_server

echo
echo "database: $(sql "SELECT COUNT(*) FROM ticket") tickets after the run ($preload loaded before), $customers customers"
echo "$result"
echo "command: PRELOAD=$preload CUSTOMERS=$customers RATE=$rate SECONDS_EACH=$seconds WARMUP=$warmup bench/intake/latency.sh"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
