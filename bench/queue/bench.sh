#!/usr/bin/env bash
# Queue benchmark: the server time of the queue's first page on OPEN open tickets (1,000,000 by default), for an agent
# with about 200 of them and for the supervisors' all-open view, going round 20 fixed filter combinations (tier, type,
# status, channel, risk); also the at-risk board. Server time is what Tomcat's access log records for each request
# (%D: from the request read to the response written, in microseconds): sign-in, session, security, the queries and
# the page rendered; not the network or the client.
#
#   bench/queue/bench.sh                          # 1,000,000 open tickets, 1,000 measured requests a view
#   OPEN=50000 bench/queue/bench.sh               # a quick run
#   REUSE_DB=1 bench/queue/bench.sh               # measure again on the tickets of an earlier run
#   EXPLAIN=1 REUSE_DB=1 bench/queue/bench.sh     # the plans of the queue's statements as well (explain.sql)
#
# Settings: OPEN (1000000), REQUESTS (1000 measured requests a view), WARMUP (200 requests a view first, not counted),
# BENCH_DB (tierdesk_bench_queue), REUSE_DB=1, KEEP_DATA=1 keeps bench/work/queue, EXPLAIN=1, and those of
# bench/intake/common.sh (PGHOST, PGPORT, PGUSER, PORT: here 18092, JAR, TIERDESK_JAVA_OPTS).
#
# Steps:
#   1. build the jar; a fresh database, migrated by the server up to the migration before V120 (the queue positions);
#   2. OPEN open tickets written with COPY (OpenTicketCopy.java): the tickets, their clock events and targets;
#   3. the server started on it: it migrates the rest, V120 filling the queue positions of the open tickets from their
#      targets (its time is printed); VACUUM ANALYZE;
#   4. an agent and a supervisor created through the accounts API (as an administrator's token);
#   5. for each view, one client signed in as its person sends WARMUP requests, then REQUESTS, one after the other,
#      while a loop stands in for the SLA watcher's writes of the queue rows (below);
#   6. p50, p95, p99 and max of the server time per view from the access log, beside the client's own.
set -euo pipefail
export PORT=${PORT:-18092}
source "$(dirname "${BASH_SOURCE[0]}")/../intake/common.sh"
open=${OPEN:-1000000}
requests=${REQUESTS:-1000}
warmup=${WARMUP:-200}
db=${BENCH_DB:-tierdesk_bench_queue}
work="$root/bench/work/queue"
queue="$root/bench/queue"
mkdir -p "$work"
# The COPY writes no wakes of the SLA watcher, so none runs: while the views are measured, a loop stands in for the
# watcher's write of the queue rows. Every 10 s it writes the rows whose stored risk has moved on (their
# risk_changes_at has passed) with their risk now, as the watcher does at each ticket's wake (within 60 s of it), so
# that such rows stay as few as with a watcher keeping up. The rest of the watcher's work (replaying the clocks,
# the targets, the timeline, escalation) is not part of this benchmark.
stand_in=
watcher_stand_in() {
  while true; do
    sql "UPDATE ticket_queue SET risk = CASE WHEN breach_at <= now() THEN 2 ELSE 1 END,
                                 risk_changes_at = CASE WHEN breach_at <= now() THEN NULL ELSE breach_at END
          WHERE risk_changes_at <= now()" >/dev/null
    sleep 10
  done
}
trap 'stop_server; if [ -n "$stand_in" ]; then kill "$stand_in"; fi' EXIT

# Every request's method, path with query, status and server time in microseconds.
access_log=(--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$work"
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log
  --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.buffered=false
  "--server.tomcat.accesslog.pattern=%m %U%q %s %D")

if curl -s -o /dev/null "$url"; then
  echo "port $port is taken: another server answers on $url (set PORT)" >&2
  exit 1
fi
build_jar
javac -d "$work/classes" "$queue/OpenTicketCopy.java"
agent=$(java -cp "$work/classes" OpenTicketCopy agent "$open")
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD=
rm -f "$work/access.log" "$work/server.log"
if [ "${REUSE_DB:-0}" = 1 ] \
    && [ "$(psql -d "$db" -qAtXc "SELECT COUNT(*) FROM ticket_queue" 2>/dev/null || echo 0)" -ge "$open" ]; then
  log "reusing $db"
  start_server "${access_log[@]}"
else
  create_database
  before=$(ls src/main/resources/db/migration src/main/resources/db/vendor/postgresql \
    | sed -nE 's/^V([0-9_]+)__.*/\1/p' | tr _ . | sort -V | awk -F. '$1 < 120' | tail -1)
  log "the schema up to V$before, the last migration before the queue positions"
  start_server --spring.flyway.target="$before"
  stop_server
  log "$open open tickets with COPY"
  started=$(date +%s)
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  policy=$(sql "SELECT MAX(version) FROM sla_policy_version")
  java -cp "$work/classes" OpenTicketCopy columns | while read -r columns; do
    java -cp "$work/classes" OpenTicketCopy "${columns%% *}" "$open" "$now" "$policy" \
      | psql -d "$db" -qX -v ON_ERROR_STOP=1 -c "\\copy $columns FROM STDIN (FORMAT csv)"
  done
  sql "SELECT setval(pg_get_serial_sequence('ticket', 'id'), (SELECT MAX(id) FROM ticket))" >/dev/null
  sql "VACUUM ANALYZE ticket"
  sql "VACUUM ANALYZE ticket_sla_target"
  log "loaded in $(( $(date +%s) - started )) s; the server migrates the rest"
  start_server "${access_log[@]}"
  grep -E "Migrating schema .* to version \"?120|Successfully applied" "$work/server.log" | sed 's/^.*: //' >&2 || true
  sql "VACUUM ANALYZE ticket_queue"
fi

# An administrator's token (a service account, stored as the security module stores tokens), then the two people
# through the accounts API; an account of an earlier run gets a new password.
random=$(od -An -N25 -tx1 /dev/urandom | tr -d ' \n')
prefix="bench${random:0:7}"
secret=${random:7:43}
sql "INSERT INTO user_account (username, display_name, role, enabled, created_at, kind)
     VALUES ('bench-admin', 'Queue benchmark', 'ADMIN', TRUE, now(), 'SERVICE') ON CONFLICT DO NOTHING"
sql "INSERT INTO api_token (prefix, secret_sha256, name, role, created_by, created_at, expires_at, account, scope)
     VALUES ('$prefix', '$(printf %s "$secret" | sha256sum | cut -d' ' -f1)', 'queue benchmark $prefix', 'ADMIN',
             'bench', now(), now() + interval '12 hours', 'bench-admin', 'API')"
admin="Authorization: Bearer tdk_${prefix}_${secret}"
password() {
  local answer
  answer=$(curl -s -X POST "$url/api/v1/accounts" -H "$admin" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"displayName\":\"$1\",\"role\":\"$2\"}")
  if ! grep -q oneTimePassword <<<"$answer"; then
    answer=$(curl -sf -X POST "$url/api/v1/accounts/$1/password-reset" -H "$admin")
  fi
  sed -E 's/.*"oneTimePassword":"([^"]+)".*/\1/' <<<"$answer"
}
supervisor=bench-supervisor
agent_password=$(password "$agent" AGENT)
supervisor_password=$(password "$supervisor" SUPERVISOR)
# a one-time password must be changed at the first sign-in; the benchmark's people keep theirs
sql "UPDATE user_account SET password_change_required = FALSE WHERE username IN ('$agent', '$supervisor')"

echo
echo "database: $(sql "SELECT COUNT(*) FROM ticket_queue") open tickets in the queues, $agent has \
$(sql "SELECT COUNT(*) FROM ticket_queue WHERE assignee = '$agent'"); risk now: \
$(sql "SELECT string_agg(risk || ' ' || n, ', ' ORDER BY risk) FROM (SELECT CASE WHEN breach_at <= now() THEN 'breached'
         WHEN at_risk_at <= now() THEN 'at risk' ELSE 'on track' END AS risk, COUNT(*) AS n FROM ticket_queue GROUP BY 1) r")"
watcher_stand_in &
stand_in=$!
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {
  log "$1: $warmup warm-up requests, then $requests"
  java "$queue/QueueLoad.java" "$url" "$2" "$3" "$1" "$warmup" "$requests" ${4:-}
}
measure /tickets "$agent" "$agent_password"
measure /tickets/all "$supervisor" "$supervisor_password"
measure /tickets/board "$supervisor" "$supervisor_password" none
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$stand_in"
stand_in=
if [ "${EXPLAIN:-0}" = 1 ]; then
  psql -d "$db" -X -v ON_ERROR_STOP=1 -v agent="$agent" -f "$queue/explain.sql"
fi
stop_server

echo
echo "server time (access log), measured requests:"
printf '%-16s %8s %8s %8s %8s %8s %8s\n' view requests p50_ms p95_ms p99_ms max_ms errors
for view in /tickets /tickets/all /tickets/board; do
  awk -v view="$view" '$1 == "GET" { split($2, url, "?"); if (url[1] == view && url[2] ~ /(^|&)m=1$/) print $3, $4 }' \
    "$work/access.log" | sort -k2 -n | awk -v view="$view" '
      { status[NR] = $1; time[NR] = $2; if ($1 != 200) errors++ }
      function at(share) { i = int(share * NR); if (i < share * NR) i++; return time[i] / 1000 }
      END { if (NR == 0) exit; printf "%-16s %8d %8.1f %8.1f %8.1f %8.1f %8d\n", view, NR, at(0.5), at(0.95), at(0.99),
                                  time[NR] / 1000, errors + 0 }'
done
echo "command: OPEN=$open REQUESTS=$requests WARMUP=$warmup bench/queue/bench.sh"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
