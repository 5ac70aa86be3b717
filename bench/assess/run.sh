#!/usr/bin/env bash
# Assessment benchmark: a full run over every customer (1,000,000 customers, 20,000,000 orders by default) on
# PostgreSQL, from the database to a stored run awaiting approval, side by side with the same weighted
# percentile scoring as one DuckDB query over the same orders in Parquet.
#
#   bench/assess/run.sh                                 # 1,000,000 customers x 20 orders
#   CUSTOMERS=100000 bench/assess/run.sh                # a quick run
#   REUSE_DB=1 bench/assess/run.sh                      # keep the database of an earlier run
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (tierdesk_bench_assess), RUNS (3 timed
# runs of each), PORT (18080, the TierDesk server started for the timed runs), KEEP_DATA=1 keeps bench/work/assess.
#
# Steps (only 4 and 6 are timed):
#   1. build the jar and the test classpath (DuckDB's JDBC driver is a test dependency);
#   2. generate the demo data files and import them into a fresh database (skipped with REUSE_DB=1);
#   3. save the model bench/assess/weighted-percentiles.json and run one assessment with the command line, which
#      also brings the activity snapshot up to date after the import (its time is printed, as "cold");
#   4. start the server and run RUNS assessments through the REST API, each timed by the run itself
#      (started_at to finished_at: reading, scoring and storing every customer's result);
#   5. export the paid orders and the customers to CSV with psql and convert them to Parquet with DuckDB;
#   6. time RUNS executions of the DuckDB query (DuckDbWeightedPercentiles), its result written to a table of
#      DuckDB's own file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
customers=${CUSTOMERS:-1000000}
per_customer=${ORDERS_PER_CUSTOMER:-20}
db=${BENCH_DB:-tierdesk_bench_assess}
runs=${RUNS:-3}
port=${PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work="$root/bench/work/assess"
data="$work/data"
duck="$work/duckdb"
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
mkdir -p "$data" "$duck"

log "building the jar and the test classpath"
./mvnw -q -B -ntp -DskipTests package
rm -f target/*.jar.original
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
jar=$(ls target/tierdesk-*.jar | head -1)
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD=
tierdesk() { java ${TIERDESK_JAVA_OPTS:--Xmx4g} -jar "$jar" "$@"; }
as_of=$(TZ=Asia/Shanghai date +%F)

if [ "${REUSE_DB:-0}" != 1 ] || ! psql -d "$db" -qAtc "SELECT 1" >/dev/null 2>&1; then
  log "fresh database $db"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  if [ ! -s "$data/orders.csv" ]; then
    log "generating $customers customers x $per_customer orders"
    tierdesk demo-data --customers "$customers" --orders-per-customer "$per_customer" --output "$data" --as-of "$as_of"
  fi
  log "importing (not timed)"
  for kind in customers orders interactions; do
    tierdesk import "$kind" "$data/$kind.csv" >&2
  done
  psql -d "$db" -qc "VACUUM ANALYZE"
fi
population=$(psql -d "$db" -qAtc "SELECT COUNT(*) FROM customer")
orders=$(psql -d "$db" -qAtc "SELECT COUNT(*) FROM customer_order")

# the account the benchmark's commands and its token act as: the command line acts --by an enabled account
psql -d "$db" -qc "INSERT INTO user_account (username, display_name, role, kind, enabled, created_at)
  VALUES ('bench', 'Assessment benchmark', 'ADMIN', 'SERVICE', TRUE, now()) ON CONFLICT (username) DO NOTHING"

model=$(tierdesk model bench/assess/weighted-percentiles.json --note "benchmark" --by bench | sed -E 's/^model ([0-9]+) version ([0-9]+).*/\1:\2/')
log "model $model; a first run with the command line (brings the activity snapshot up to date)"
started=$(date +%s.%N)
cold=$(tierdesk assess --as-of "$as_of" --model "$model" --by bench 2>/dev/null)
cold_wall=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "$cold" >&2
cold_stages=$(echo "$cold" | grep '^read')

log "starting the server for $runs timed runs"
token=$(tierdesk token --account bench --name "assessment benchmark" --role SUPERVISOR --valid-for PT2H --by bench)
java ${TIERDESK_JAVA_OPTS:--Xmx4g} -jar "$jar" --server.port="$port" --tierdesk.demo.enabled=false \
  --tierdesk.security.demo-users=false --tierdesk.scheduler.recurring=false > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
tierdesk_seconds=()
for i in $(seq 1 "$runs"); do
  id=$(api -X POST -d "{\"asOf\": \"$as_of\", \"modelId\": ${model%%:*}, \"modelVersion\": ${model##*:}}" \
    "localhost:$port/api/v1/tiering/runs" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  while true; do
    run=$(api "localhost:$port/api/v1/tiering/runs/$id")
    status=$(echo "$run" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = QUEUED ] || [ "$status" = RUNNING ] || break
    sleep 0.2
  done
  line=$(echo "$run" | python3 -c '
import json, sys
from datetime import datetime
r = json.load(sys.stdin)
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
m = r["summary"]["millis"]
print("%.2f %s read %d ms, scored %d ms, stored %d ms; %s" % ((t(r["finishedAt"]) - t(r["startedAt"])).total_seconds(),
      r["status"], m["read"], m["score"], m["write"], " ".join("%s %d" % kv for kv in r["summary"]["distribution"].items())))')
  log "tierdesk run $id: $line"
  tierdesk_seconds+=("${line%% *}")
done
kill $server; wait $server 2>/dev/null || true
trap - EXIT

if [ ! -s "$duck/orders.parquet" ] || [ "${REUSE_DB:-0}" != 1 ]; then
  log "exporting the paid orders and the customers, converting them to Parquet (not timed)"
  psql -d "$db" -qc "\\copy (SELECT customer_id, amount - refund_amount AS net, paid_month, (paid_at AT TIME ZONE 'Asia/Shanghai')::date AS paid_day FROM customer_order WHERE paid_month IS NOT NULL) TO '$duck/orders.csv' (FORMAT csv, HEADER)" \
    -c "\\copy (SELECT id AS customer_id, registered_on FROM customer) TO '$duck/customers.csv' (FORMAT csv, HEADER)"
  java -cp "$classpath" com.tierdesk.tiering.bench.DuckDbWeightedPercentiles prepare "$duck"
  rm -f "$duck/orders.csv" "$duck/customers.csv"
fi
duckdb_seconds=()
for i in $(seq 1 "$runs"); do
  out=$(java -cp "$classpath" com.tierdesk.tiering.bench.DuckDbWeightedPercentiles score "$duck" "$as_of")
  log "$(echo "$out" | tr '\n' ' ')"
  duckdb_seconds+=("$(echo "$out" | head -1 | sed -E 's/^duckdb: ([0-9.]+) s$/\1/')")
done

best() { printf '%s\n' "$@" | sort -n | head -1; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "population: $population customers, $orders orders, as of $as_of, model $model"
echo "TierDesk, command line (cold JVM, first run after the import): $cold_wall s wall; the run: $cold_stages"
echo "TierDesk, server (run started to stored), $runs runs: ${tierdesk_seconds[*]} s; best $(best "${tierdesk_seconds[@]}") s, median $(median "${tierdesk_seconds[@]}") s"
echo "DuckDB, query from Parquet to a table, $runs runs: ${duckdb_seconds[*]} s; best $(best "${duckdb_seconds[@]}") s, median $(median "${duckdb_seconds[@]}") s"
echo "DuckDB median / TierDesk median = $(awk -v d="$(median "${duckdb_seconds[@]}")" -v t="$(median "${tierdesk_seconds[@]}")" 'BEGIN { printf "%.2f", d / t }')"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
