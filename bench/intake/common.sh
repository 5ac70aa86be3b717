# Shared by the intake benchmarks (run.sh, latency.sh, burst.sh); sourced, not run.
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PORT (18082, the server), JAR (a jar already built:
# skips the build), TIERDESK_JAVA_OPTS (-Xmx2g).
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

tierdesk() { java ${TIERDESK_JAVA_OPTS:--Xmx2g} -jar "$jar" "$@"; }

# A fresh database $db with $1 customers (demo data, one order each) graded as an assessment would: 1% VIP, 20% KEY,
# 27% REGULAR, the rest WATCH; an admin and an agent service account, and an API token acting as the agent in $token.
prepare_database() {
  local customers=$1
  log "fresh database $db: $customers customers"
  psql -d postgres -qX -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD=
  tierdesk demo-data --customers "$customers" --orders-per-customer 1 >&2
  sql "INSERT INTO customer_tier (customer_id, downgrade_pending, effective_tier, effective_since)
       SELECT id, FALSE, CASE WHEN id % 100 = 0 THEN 'VIP' WHEN id % 100 < 21 THEN 'KEY'
                              WHEN id % 100 < 48 THEN 'REGULAR' ELSE 'WATCH' END, now()
         FROM customer"
  sql "INSERT INTO user_account (username, display_name, role, enabled, created_at, kind)
       VALUES ('bench-admin', 'Benchmark admin', 'ADMIN', TRUE, now(), 'SERVICE'),
              ('bench-intake', 'Benchmark intake', 'AGENT', TRUE, now(), 'SERVICE')"
  sql "VACUUM ANALYZE" 2>/dev/null
  issue_token
}

issue_token() {
  token=$(tierdesk token --account bench-intake --name "intake benchmark $(date +%s)" --role AGENT --valid-for PT12H \
    --by bench-admin | tail -1)
}

# Starts the server on $db (PostgreSQL profile, synchronous commit as the database has it: on) with any extra
# arguments, and waits until it is healthy; its log goes to $work/server.log.
start_server() {
  java ${TIERDESK_JAVA_OPTS:--Xmx2g} -jar "$jar" --spring.profiles.active=postgres --server.port="$port" \
    --tierdesk.demo.enabled=false --tierdesk.security.demo-users=false --tierdesk.scheduler.recurring=false \
    "$@" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do
    if curl -sf "$url/actuator/health" >/dev/null; then return; fi
    if ! kill -0 "$server" 2>/dev/null; then
      echo "the server did not start; see $work/server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "the server did not become healthy in 120 s; see $work/server.log" >&2
  exit 1
}

stop_server() {
  if [ -n "${server:-}" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server"
    wait "$server" 2>/dev/null || true
  fi
  server=
}

load() { java "$intake/IntakeLoad.java" "$1" --url "$url" --token "$token" --customers "$customers" "${@:2}"; }
