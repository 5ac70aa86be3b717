# Shared by the intake benchmarks (run.sh, latency.sh, burst.sh) and by those of the queue, the knowledge base and
# inbound mail; sourced, not run.
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PORT (18082, the server), JAR (a jar already built:
# skips the build), TIERDESK_JAVA_OPTS (-Xmx2g), SCHEDULER_RECURRING (false: no recurring task runs; true for a
# benchmark of one, such as the mailbox poller).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
port=${PORT:-18082}
url="http://localhost:$port"
intake="$root/bench/intake"
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
sql() { psql -d "$db" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

build_jar() {
  if [ -n "${JAR:-}" ]; then
    jar=$JAR
    return
  fi
  log "building the jar"
  ./mvnw -q -B -ntp -DskipTests package
  rm -f target/*.jar.original
  jar=$(ls target/tierdesk-*.jar | head -1)
}

# A fresh, empty database $db, which the next start of the server migrates.
create_database() {
  log "fresh database $db"
  psql -d postgres -qX -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD=
}

# Starts the server on $db (PostgreSQL profile: no demo data unless asked; synchronous commit as the database has it:
# on) with any extra arguments, and waits until it takes traffic (after its start-up work, such as loading the demo
# data); its log goes to $work/server.log.
start_server() {
  java ${TIERDESK_JAVA_OPTS:--Xmx2g} -jar "$jar" --spring.profiles.active=postgres --server.port="$port" \
    --tierdesk.security.demo-users=false --tierdesk.scheduler.recurring=${SCHEDULER_RECURRING:-false} \
    "$@" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 1200); do
    if curl -sf "$url/actuator/health/readiness" >/dev/null; then return; fi
    if ! kill -0 "$server" 2>/dev/null; then
      echo "the server did not start; see $work/server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "the server did not become ready in 10 minutes; see $work/server.log" >&2
  exit 1
}

stop_server() {
  if [ -n "${server:-}" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    wait "$server" 2>/dev/null || true
  fi
  server=
}

# Starts the server on the fresh database with $1 demo customers (one order each, graded and published by the first
# start's demo loading, so that the customers have their tiers), waits until the listeners of that publication are
# done (so that none works beside a measurement, or again after a restart), then gives it an API token acting as an
# agent.
start_with_customers() {
  log "starting the server with $1 demo customers"
  start_server --tierdesk.demo.enabled=true --tierdesk.demo.customers="$1" --tierdesk.demo.orders-per-customer=1
  for _ in $(seq 1 1200); do
    [ "$(sql "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")" = 0 ] && break
    sleep 0.5
  done
  agent_token
}

# An agent service account and a token acting as it, in $token. The token is stored as the security module stores
# the tokens it issues (a public prefix, the SHA-256 of the secret), which spares a start of the command line.
agent_token() {
  local random prefix secret
  random=$(od -An -N25 -tx1 /dev/urandom | tr -d ' \n')
  prefix="bench${random:0:7}"
  secret=${random:7:43}
  sql "INSERT INTO user_account (username, display_name, role, enabled, created_at, kind)
       VALUES ('bench-intake', 'Intake benchmark', 'AGENT', TRUE, now(), 'SERVICE') ON CONFLICT DO NOTHING"
  sql "INSERT INTO api_token (prefix, secret_sha256, name, role, created_by, created_at, expires_at, account, scope)
       VALUES ('$prefix', '$(printf %s "$secret" | sha256sum | cut -d' ' -f1)', 'intake benchmark $prefix', 'AGENT',
               'bench', now(), now() + interval '12 hours', 'bench-intake', 'API')"
  token="tdk_${prefix}_${secret}"
}

# The load client (IntakeLoad.java): a mode and its options.
load() { java "$intake/IntakeLoad.java" "$1" --url "$url" --token "$token" --customers "$customers" "${@:2}"; }

# CPU seconds (user and system) a process has used, and all of PostgreSQL's processes together (from /proc).
cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
postgres_cpu_seconds() {
  for pid in $(pgrep -x postgres); do cat "/proc/$pid/stat" 2>/dev/null; done | awk '{ t += $14 + $15 } END { printf "%.2f", t / 100 }'
}
