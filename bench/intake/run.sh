#!/usr/bin/env bash
# Intake benchmark: tickets per second taken in through the API, one HTTP call per ticket, against the same writes as
# one SQL transaction run by pgbench (reference.sql), and the statements TierDesk executes per ticket.
#
#   bench/intake/run.sh                        # 100,000 customers, 30 s per measurement
#   CUSTOMERS=10000 SECONDS_EACH=15 bench/intake/run.sh
#
# Settings: CUSTOMERS (100000), SECONDS_EACH (30, after WARMUP 10 s), BENCH_DB (tierdesk_bench_intake), PG_LOG (the
# PostgreSQL server log, read to count statements; /var/log/postgresql/postgresql-15-main.log), KEEP_DATA=1 keeps
# bench/work/intake, and those of common.sh.
#
# Steps:
#   1. build the jar; a fresh database, the server started on it with CUSTOMERS demo customers (graded and published
#      by its demo loading, so that they have their tiers), an API token acting as an agent;
#   2. with the server idle, pgbench, 8 clients (2 threads, prepared statements), reference.sql for SECONDS_EACH s:
#      one transaction a ticket, no HTTP, no JSON, no validation, no SLA arithmetic;
#   3. the ticket tables emptied; the server (PostgreSQL profile, synchronous_commit on, default pool) takes
#      POST /api/v1/tickets with a fresh Idempotency-Key each, 8 then 32 clients sending back to back, WARMUP s then
#      SECONDS_EACH s counted: HTTP, JSON, token, validation, the SLA replay, the same writes and the answer; the
#      CPU the server and PostgreSQL spent per ticket (from /proc); then the floor: GET /api/v1/tiering/tiers with the
#      same token and 8 clients, what a call costs with next to no work behind it;
#   4. the server started again with log_statement=all on the database; 50 tickets sent one after the other; the
#      statements of PostgreSQL's log in that window, per ticket.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
customers=${CUSTOMERS:-100000}
seconds=${SECONDS_EACH:-30}
warmup=${WARMUP:-10}
db=${BENCH_DB:-tierdesk_bench_intake}
pg_log=${PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
work="$root/bench/work/intake"
mkdir -p "$work"
trap 'stop_server' EXIT

build_jar
create_database
start_with_customers "$customers"
policy=$(sql "SELECT MAX(version) FROM sla_policy_version")

log "pgbench: reference.sql, 8 clients, $seconds s"
sql "SHOW synchronous_commit" | sed 's/^/[bench] synchronous_commit: /' >&2
pgbench -n -M prepared -c 8 -j 2 -T "$seconds" -D customers="$customers" -D policy="$policy" -f "$intake/reference.sql" "$db" \
  > "$work/pgbench.txt" 2>&1
reference=$(awk '/^tps = / { printf "%.1f", $3 }' "$work/pgbench.txt")
reference_made=$(sql "SELECT COUNT(*) FROM ticket")

empty_tickets() {
  # every table that hangs off a ticket goes with it (CASCADE), and the day's assignment counts
  sql "TRUNCATE ticket_intake_key, ticket_daily_load, ticket RESTART IDENTITY CASCADE"
  sql "VACUUM ANALYZE" 2>/dev/null
}
empty_tickets

log "TierDesk: POST /api/v1/tickets"
results=()
server_cpu=$(cpu_seconds "$server"); postgres_cpu=$(postgres_cpu_seconds)
for clients in 8 32; do
  line=$(load closed --clients "$clients" --seconds "$seconds" --warmup "$warmup")
  log "$line"
  results+=("$line")
done
taken=$(sql "SELECT COUNT(*) FROM ticket")
cpu=$(awk -v s="$(cpu_seconds "$server")" -v s0="$server_cpu" -v p="$(postgres_cpu_seconds)" -v p0="$postgres_cpu" \
  -v n="$taken" 'BEGIN { printf "server %.2f ms, PostgreSQL %.2f ms (%d tickets, warm-ups included)", (s - s0) * 1000 / n, (p - p0) * 1000 / n, n }')
log "CPU a ticket: $cpu"
log "the floor: GET /api/v1/tiering/tiers with the same token, 8 clients"
floor=$(load floor --clients 8 --seconds "$seconds" --warmup "$warmup")
log "$floor"
stop_server
best=$(printf '%s\n' "${results[@]}" | sed -E 's/.* = ([0-9.]+) tickets\/s.*/\1/' | sort -n | tail -1)

statements="not counted: PostgreSQL's log $pg_log is not readable (set PG_LOG)"
if [ -r "$pg_log" ]; then
  log "statements per ticket: 50 tickets with log_statement=all"
  sql "ALTER DATABASE $db SET log_statement = 'all'"
  start_server
  load burst --count 5 --clients 1 --log "$work/warm.csv" >/dev/null
  before_tickets=$(sql "SELECT COUNT(*) FROM ticket")
  from=$(($(stat -c %s "$pg_log") + 1))
  load burst --count 50 --clients 1 --log "$work/counted.csv" >/dev/null
  to=$(stat -c %s "$pg_log")
  made=$(($(sql "SELECT COUNT(*) FROM ticket") - before_tickets))
  stop_server
  sql "ALTER DATABASE $db RESET log_statement"
  tail -c +"$from" "$pg_log" | head -c $((to - from + 1)) \
    | grep -E "@$db LOG:  (statement|execute [^:]*): " | sed -E 's/.* LOG:  (statement|execute [^:]*): //' \
    | cut -c1-90 | sort | uniq -c | sort -rn > "$work/statements.txt"
  total=$(awk '{ n += $1 } END { print n + 0 }' "$work/statements.txt")
  statements=$(awk -v n="$total" -v t="$made" 'BEGIN { printf "%.1f", n / t }')
  statements="$statements ($total statements for $made tickets; by statement, per ticket:)"
fi

echo
echo "customers: $customers; each measurement $seconds s after $warmup s of warm-up; synchronous_commit on"
echo "pgbench (reference.sql, one SQL transaction a ticket, 8 clients): $reference tickets/s ($reference_made tickets)"
printf 'TierDesk (POST /api/v1/tickets, one HTTP call a ticket), %s\n' "${results[@]}"
echo "CPU a ticket: $cpu"
echo "floor (GET /api/v1/tiering/tiers: HTTP, the token, one small read, JSON), $floor"
echo "TierDesk best: $best tickets/s; TierDesk / pgbench = $(awk -v a="$best" -v b="$reference" 'BEGIN { printf "%.2f", a / b }') (target >= 0.5)"
echo "statements per ticket: $statements"
if [ -s "$work/statements.txt" ]; then
  awk -v t="$made" '{ n = $1; $1 = ""; printf "  %5.2f %s\n", n / t, $0 }' "$work/statements.txt"
fi
echo "command: CUSTOMERS=$customers SECONDS_EACH=$seconds WARMUP=$warmup bench/intake/run.sh"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
