#!/usr/bin/env bash
# Queue check (not the queue benchmark, which measures server time over many requests): OPEN open tickets (200,000
# by default) and half as many closed ones in a database of their own with the ticket tables only, made by the
# project's migrations, filled set-based by seed.sql (INSERT ... SELECT generate_series), then the plans and run times
# of the agent's queue and the supervisors' all-open view, count and first page, as the server issues them
# (explain.sql).
#
#   bench/queue/run.sh                      # 200,000 open tickets
#   OPEN=20000 bench/queue/run.sh           # a quick run
#   REUSE_DB=1 bench/queue/run.sh           # explain again on the tickets of an earlier run
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (tierdesk_bench_queue), AGENT (agent-0042).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
open=${OPEN:-200000}
db=${BENCH_DB:-tierdesk_bench_queue}
agent=${AGENT:-agent-0042}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

if [ "${REUSE_DB:-0}" != 1 ]; then
  log "fresh database $db with the ticket tables"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  for migration in $(ls src/main/resources/db/migration/V*__ticket_*.sql | sort -V); do
    psql -d "$db" -q -v ON_ERROR_STOP=1 -f "$migration"
  done
  log "$open open tickets and $((open / 2)) closed ones"
  psql -d "$db" -q -v ON_ERROR_STOP=1 -v open="$open" -f bench/queue/seed.sql
fi
psql -d "$db" -At -c "SELECT 'open tickets: ' || COUNT(*) FROM ticket WHERE status NOT IN ('SOLVED', 'CLOSED')" \
  -c "SELECT 'open tickets of $agent: ' || COUNT(*) FROM ticket WHERE assignee = '$agent' AND status NOT IN ('SOLVED', 'CLOSED')"
# Twice: the first run reads the tables into the cache, the second is what a running server sees.
psql -d "$db" -q -v ON_ERROR_STOP=1 -v agent="$agent" -f bench/queue/explain.sql >/dev/null
psql -d "$db" -v ON_ERROR_STOP=1 -v agent="$agent" -f bench/queue/explain.sql
