#!/usr/bin/env bash
# No loss under a burst: COUNT tickets sent through the API, each with its own Idempotency-Key, the server killed with
# SIGKILL midway and started again, every request that was not acknowledged sent again with its key, then SQL checks
# that every acknowledged ticket exists exactly once and that each key made exactly one ticket.
#
#   bench/intake/burst.sh 100000            # the promotion-day peak
#   CUSTOMERS=500 bench/intake/burst.sh 2000  # the run in CI
#
# Settings: CUSTOMERS (10000), CLIENTS (32), BENCH_DB (tierdesk_bench_burst), KEEP_DATA=1 keeps bench/work/burst, and
# those of common.sh (JAR reuses a built jar). Exit code 1 when a ticket is missing or made twice.
#
# Steps:
#   1. build the jar; a fresh database, the server started on it with CUSTOMERS demo customers, an agent's API token;
#   2. CLIENTS clients send COUNT tickets, one HTTP call each (key burst-<run>-<n>, the body follows from n); the client
#      logs each key with the answer's status and the ticket of its Location, or status 0 when no answer came back;
#   3. when half of COUNT tickets are stored, the server is killed with SIGKILL; the clients go on and the requests
#      that reach no server are logged unanswered;
#   4. the server started again; every request not acknowledged (no answer, or neither 201 nor 200) is sent again with
#      its key and the same body, up to 5 times;
#   5. the client's logs loaded into the database and checked against the tickets (each ticket's subject names its key)
#      and the stored keys.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
count=${1:-100000}
customers=${CUSTOMERS:-10000}
clients=${CLIENTS:-32}
db=${BENCH_DB:-tierdesk_bench_burst}
work="$root/bench/work/burst"
rm -rf "$work"
mkdir -p "$work"
trap 'stop_server' EXIT
started=$(date +%s)

build_jar
create_database
start_with_customers "$customers"

log "sending $count tickets with $clients clients; SIGKILL when $((count / 2)) are stored"
load burst --count "$count" --clients "$clients" --log "$work/sent.csv" > "$work/burst.txt" &
sender=$!
while [ "$(sql "SELECT COUNT(*) FROM ticket")" -lt $((count / 2)) ]; do
  if ! kill -0 "$sender" 2>/dev/null; then
    echo "the client finished before half of the tickets were stored" >&2
    exit 1
  fi
  sleep 0.1
done
kill -KILL "$server"
wait "$server" 2>/dev/null || true
server=
log "server killed with $(sql "SELECT COUNT(*) FROM ticket") tickets stored; the clients go on"
wait "$sender"
log "$(cat "$work/burst.txt")"

log "starting the server again; sending again what was not acknowledged"
start_server
load retry --log "$work/sent.csv" --out "$work/retried.csv" --clients 8 >&2
stop_server

psql -d "$db" -qX -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE bench_burst_sent (idempotency_key VARCHAR(200), sequence BIGINT, status INTEGER, ticket_id BIGINT);
CREATE TABLE bench_burst_retried (LIKE bench_burst_sent);
\copy bench_burst_sent FROM '$work/sent.csv' (FORMAT csv)
\copy bench_burst_retried FROM '$work/retried.csv' (FORMAT csv)
CREATE TABLE bench_burst_made AS
SELECT substring(subject FROM 9) AS idempotency_key, COUNT(*) AS tickets, MIN(id) AS ticket_id
  FROM ticket WHERE subject LIKE 'Request burst-%' GROUP BY subject;
SQL
figure() { sql "$1"; }
sent=$(figure "SELECT COUNT(*) FROM bench_burst_sent")
acknowledged=$(figure "SELECT COUNT(*) FROM bench_burst_sent WHERE status IN (200, 201)")
present=$(figure "SELECT COUNT(*) FROM bench_burst_sent s JOIN bench_burst_made m USING (idempotency_key)
                   WHERE s.status IN (200, 201) AND m.tickets = 1 AND m.ticket_id = s.ticket_id")
retried=$(figure "SELECT COUNT(*) FROM bench_burst_retried")
retried_acknowledged=$(figure "SELECT COUNT(*) FROM bench_burst_retried WHERE status IN (200, 201)")
retried_one=$(figure "SELECT COUNT(*) FROM bench_burst_retried r JOIN bench_burst_made m USING (idempotency_key)
                       WHERE m.tickets = 1 AND m.ticket_id = r.ticket_id")
found_by_retry=$(figure "SELECT COUNT(*) FROM bench_burst_retried WHERE status = 200")
duplicates=$(figure "SELECT COALESCE(SUM(tickets - 1), 0) FROM bench_burst_made")
missing=$(figure "SELECT COUNT(*) FROM bench_burst_sent s LEFT JOIN bench_burst_made m USING (idempotency_key)
                   WHERE m.idempotency_key IS NULL")
keys_bound=$(figure "SELECT COUNT(*) FROM bench_burst_sent s JOIN bench_burst_made m USING (idempotency_key)
                      JOIN ticket_intake_key k ON k.idempotency_key = s.idempotency_key AND k.ticket_id = m.ticket_id")
tickets=$(figure "SELECT COUNT(*) FROM ticket")

echo
echo "sent:         $sent tickets, $clients clients, each with its own Idempotency-Key"
echo "acknowledged: $acknowledged before the kill and restart (201 or 200 with a ticket)"
echo "present:      $present of the acknowledged exist exactly once, under the ticket they were acknowledged with"
echo "retried:      $retried not acknowledged, sent again with their key: $retried_acknowledged acknowledged, $found_by_retry of them (200) made before the kill; $retried_one made exactly one ticket"
echo "duplicates:   $duplicates (tickets beyond one per key)"
echo "missing:      $missing keys with no ticket; $keys_bound of $sent keys stored with their ticket; $tickets tickets in all"
echo "took:         $(( $(date +%s) - started )) s; command: CUSTOMERS=$customers CLIENTS=$clients bench/intake/burst.sh $count"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
if [ "$duplicates" != 0 ] || [ "$missing" != 0 ] || [ "$present" != "$acknowledged" ] || [ "$retried_one" != "$retried" ] \
    || [ "$keys_bound" != "$sent" ]; then
  echo "LOSS OR DUPLICATES: see above" >&2
  exit 1
fi
