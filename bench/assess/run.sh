#!/usr/bin/env bash
# Assessment benchmark on one data set (1,000,000 customers, about 20,000,000 orders by default) on PostgreSQL,
# side by side with the same weighted percentile scoring in DuckDB. Prints, each as the median of RUNS:
#   (a) TierDesk as of today after a day of changes (CHANGED customers with new orders, half of them back-dated into
#       the window, and REFUNDS refunds, imported untimed), from the run's request to its stored results, each run
#       explaining its moves against the published tiers of a run as of today published before the first day;
#   (b) TierDesk as of a month-end within the last 24 months (read from the monthly figures);
#   (b') TierDesk as of a date the monthly figures do not serve (the 15th of the month a year ago: not a month-end;
#       the demo history covers only the last two years), the orders scanned, reported only;
#   (c) DuckDB's scoring query from the raw orders in Parquet;
#   (d) the same DuckDB scoring from TierDesk's per-customer figures exported to Parquet;
#   (e) the cold rebuild of the figures from the orders (tierdesk activity --rebuild);
#   (f) the month rollover (tierdesk activity on a snapshot of the month before).
#
#   bench/assess/run.sh                                 # 1,000,000 customers x 20 orders
#   CUSTOMERS=100000 bench/assess/run.sh                # a quick run
#   REUSE_DB=1 KEEP_DATA=1 bench/assess/run.sh          # again, on the database and files of an earlier run
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (tierdesk_bench_assess), RUNS (5),
# CHANGED (10000), REFUNDS (1000), WARMUP (3, untimed runs as of today before the timed ones, after the published one),
# PORT (18080, the TierDesk server of the timed runs), SERVER_JAVA_OPTS (-Xms4g -Xmx4g, its heap fixed as a server's
# is), BENCH_WORK (bench/work/assess, the data files), KEEP_DATA=1 keeps them. Untimed: building, generating and
# importing the data, each day of changes, the warm-up runs, the exports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
customers=${CUSTOMERS:-1000000}
per_customer=${ORDERS_PER_CUSTOMER:-20}
db=${BENCH_DB:-tierdesk_bench_assess}
runs=${RUNS:-5}
changed=${CHANGED:-10000}
refunds=${REFUNDS:-1000}
warmup=${WARMUP:-3}
port=${PORT:-18080}
zone=Asia/Shanghai
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work=${BENCH_WORK:-$root/bench/work/assess}
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
tierdesk() { java ${TIERDESK_JAVA_OPTS:--Xmx4g} -Duser.language=en -Duser.country=US -jar "$jar" "$@"; }
sql() { psql -d "$db" -qAt "$@"; }
today=$(TZ=$zone date +%F)
this_month=$(TZ=$zone date +%Y-%m-01)
month_end=$(TZ=$zone date -d "$this_month -5 months -1 day" +%F)
older=$(TZ=$zone date -d "$this_month -12 months +14 days" +%F)

if [ "${REUSE_DB:-0}" != 1 ] || ! sql -c "SELECT 1" >/dev/null 2>&1; then
  log "fresh database $db"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  if [ ! -s "$data/orders.csv" ]; then
    log "generating $customers customers x $per_customer orders"
    tierdesk demo-data --customers "$customers" --orders-per-customer "$per_customer" --output "$data" --as-of "$today"
  fi
  log "importing (not timed)"
  for kind in customers orders interactions; do
    tierdesk import "$kind" "$data/$kind.csv" >&2
  done
  sql -c "VACUUM ANALYZE"
fi
population=$(sql -c "SELECT COUNT(*) FROM customer")

# the account the benchmark's commands and its token act as (the command line acts --by an enabled account), and the
# supervisor who approves the run the timed runs move from (never the run's starter)
sql -c "INSERT INTO user_account (username, display_name, role, kind, enabled, created_at)
  VALUES ('bench', 'Assessment benchmark', 'ADMIN', 'SERVICE', TRUE, now()),
         ('bench-approver', 'Assessment benchmark approver', 'SUPERVISOR', 'SERVICE', TRUE, now())
  ON CONFLICT (username) DO NOTHING"
model=$(tierdesk model bench/assess/weighted-percentiles.json --note "benchmark" --by bench | sed -E 's/^model ([0-9]+) version ([0-9]+).*/\1:\2/')
seconds_of() { sed -nE 's/.* in ([0-9.]+) s\.$/\1/p' | tail -1; }

# before every timed step, what the database's background maintenance would otherwise do during it
settle() { sql -c "VACUUM ANALYZE" -c "CHECKPOINT"; }

rebuild_s=()
for i in $(seq 1 "$runs"); do
  settle
  out=$(tierdesk activity --rebuild 2>/dev/null | tail -1)
  log "(e) $out"
  rebuild_s+=("$(echo "$out" | seconds_of)")
done
rollover_s=()
previous_month=$(TZ=$zone date -d "$this_month -1 month" +%F)
for i in $(seq 1 "$runs"); do
  sql -c "UPDATE customer_activity_state SET window_month = DATE '$previous_month'"
  settle
  out=$(tierdesk activity 2>/dev/null | tail -1)
  log "(f) $out"
  rollover_s+=("$(echo "$out" | seconds_of)")
done
settle

log "starting the server"
token=$(tierdesk token --account bench --name "assessment benchmark" --role SUPERVISOR --valid-for PT4H --by bench)
approver=$(tierdesk token --account bench-approver --name "assessment benchmark approver" --role SUPERVISOR --valid-for PT4H --by bench)
java ${SERVER_JAVA_OPTS:--Xms4g -Xmx4g} -jar "$jar" --server.port="$port" --tierdesk.demo.enabled=false \
  --tierdesk.security.demo-users=false --tierdesk.scheduler.recurring=false > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

# Runs an assessment as of $1 through the API and prints: request-to-stored seconds, run-clock seconds, stages, tiers
assess() {
  local id run status
  id=$(api -X POST -d "{\"asOf\": \"$1\", \"modelId\": ${model%%:*}, \"modelVersion\": ${model##*:}}" \
    "localhost:$port/api/v1/tiering/runs" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  while true; do
    run=$(api "localhost:$port/api/v1/tiering/runs/$id")
    status=$(echo "$run" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = QUEUED ] || [ "$status" = RUNNING ] || break
    sleep 0.1
  done
  echo "$run" | python3 -c '
import json, sys
from datetime import datetime
r = json.load(sys.stdin)
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
m = r["summary"]["millis"]
print("%.2f %.2f %s run %d: read %d ms, scored %d ms, stored %d ms; %s" % ((t(r["finishedAt"]) - t(r["createdAt"])).total_seconds(),
      (t(r["finishedAt"]) - t(r["startedAt"])).total_seconds(), r["status"], r["id"], m["read"], m["score"], m["write"],
      " ".join("%s %d" % kv for kv in sorted(r["summary"]["distribution"].items()))))'
}

# new orders on every run of the script, also on a database an earlier run left
stamp=$(date +%s)

# One day of changes: $changed customers with a new paid order (half paid in the last hours, half back-dated into the
# window) and $refunds refunds of half an earlier order, written as two order files and imported (not timed).
day_of_changes() {
  local round=$1
  sql -c "\\copy (SELECT 'DAY$stamp-$round-' || c.id AS external_id, c.code AS customer_code, (20 + c.id % 480) || '.00' AS amount,
      '0.00' AS refund_amount, to_char(p - interval '25 minutes', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS placed_at,
      to_char(p, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS paid_at, 'PAID' AS status
    FROM (SELECT id, code, CASE WHEN n % 2 = 0 THEN now() AT TIME ZONE 'UTC' - n * interval '1 second'
                                ELSE date_trunc('month', now() AT TIME ZONE 'UTC') - (1 + n % 360) * interval '1 day' END AS p
            FROM (SELECT id, code, row_number() OVER () AS n FROM customer WHERE id % 97 = $round LIMIT $changed) s) c)
    TO '$work/day-$round.csv' (FORMAT csv, HEADER)"
  sql -c "\\copy (SELECT o.external_id, c.code AS customer_code, o.amount, round(o.amount / 2, 2) AS refund_amount,
      to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS placed_at,
      to_char(o.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS paid_at, o.status
    FROM customer_order o JOIN customer c ON c.id = o.customer_id
   WHERE o.customer_id % 89 = $round AND o.refund_amount = 0 AND o.status = 'DELIVERED'
     AND o.paid_at >= date_trunc('month', now()) - interval '11 months' LIMIT $refunds)
    TO '$work/refunds-$round.csv' (FORMAT csv, HEADER)"
  local started=$(date +%s.%N)
  tierdesk import orders "$work/day-$round.csv" 2>/dev/null | tail -1 >&2
  tierdesk import orders "$work/refunds-$round.csv" 2>/dev/null | tail -1 >&2
  log "day of changes $round imported in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s (two command-line imports, JVM starts included)"
  settle
}

# the published tiers the timed runs move from, as in service: each run explains every move against them (not timed)
line=$(assess "$today")
baseline_run=$(echo "$line" | sed -E 's/.* run ([0-9]+):.*/\1/')
curl -sf -H "Authorization: Bearer $approver" -H 'Content-Type: application/json' -X POST -d '{"note": "benchmark baseline"}' \
  "localhost:$port/api/v1/tiering/runs/$baseline_run/approve" >/dev/null
until [ "$(api "localhost:$port/api/v1/tiering/runs/$baseline_run" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')" = PUBLISHED ]; do
  sleep 1
done
log "run $baseline_run published: the tiers the timed runs move from"
# a server in service has run its code many times: the JVM compiles the hot paths during the first runs
for i in $(seq 1 "$warmup"); do
  log "warm-up (not timed): $(assess "$today")"
done

today_s=(); today_clock_s=()
for i in $(seq 1 "$runs"); do
  day_of_changes "$i"
  line=$(assess "$today")
  log "(a) as of $today: $line"
  today_s+=("$(echo "$line" | cut -d' ' -f1)"); today_clock_s+=("$(echo "$line" | cut -d' ' -f2)")
  today_tiers=$(echo "$line" | sed -E 's/.*; //')
done
month_end_s=()
settle
for i in $(seq 1 "$runs"); do
  line=$(assess "$month_end")
  log "(b) as of $month_end: $line"
  month_end_s+=("$(echo "$line" | cut -d' ' -f1)")
done
older_s=()
for i in $(seq 1 "$runs"); do
  line=$(assess "$older")
  log "(b') as of $older: $line"
  older_s+=("$(echo "$line" | cut -d' ' -f1)")
done
kill $server; wait $server 2>/dev/null || true
trap - EXIT

settle
log "exporting the paid orders, the customers and the per-customer figures, converting them to Parquet (not timed)"
sql -c "\\copy (SELECT customer_id, amount - refund_amount AS net, paid_month, (paid_at AT TIME ZONE '$zone')::date AS paid_day FROM customer_order WHERE paid_month IS NOT NULL) TO '$duck/orders.csv' (FORMAT csv, HEADER)" \
  -c "\\copy (SELECT id AS customer_id, registered_on FROM customer) TO '$duck/customers.csv' (FORMAT csv, HEADER)" \
  -c "\\copy (SELECT customer_id, registered_on, spend_cents, paid_orders, active_months, orders_recent_half, orders_earlier_half, (last_paid_at AT TIME ZONE '$zone')::date AS last_paid_day FROM customer_activity_figures) TO '$duck/figures.csv' (FORMAT csv, HEADER)"
java -cp "$classpath" com.tierdesk.tiering.bench.DuckDbWeightedPercentiles prepare "$duck"
java -cp "$classpath" com.tierdesk.tiering.bench.DuckDbWeightedPercentiles prepare-figures "$duck"
rm -f "$duck/orders.csv" "$duck/customers.csv" "$duck/figures.csv"
duck_run() {
  local out
  out=$(java -cp "$classpath" com.tierdesk.tiering.bench.DuckDbWeightedPercentiles "$1" "$duck" "$today")
  log "$1: $(echo "$out" | tr '\n' ' ' | tr -s ' ')"
  echo "$out"
}
raw_s=(); figures_s=()
for i in $(seq 1 "$runs"); do
  out=$(duck_run score); raw_s+=("$(echo "$out" | head -1 | sed -E 's/^duckdb: ([0-9.]+) s$/\1/')")
  raw_tiers=$(echo "$out" | tail -n +2 | awk '{ printf "%s %s ", $1, $2 }')
  out=$(duck_run score-figures); figures_s+=("$(echo "$out" | head -1 | sed -E 's/^duckdb: ([0-9.]+) s$/\1/')")
  figures_tiers=$(echo "$out" | tail -n +2 | awk '{ printf "%s %s ", $1, $2 }')
done

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
a=$(median "${today_s[@]}"); b=$(median "${month_end_s[@]}"); c=$(median "${raw_s[@]}"); d=$(median "${figures_s[@]}")
echo
echo "population: $population customers, $(sql -c "SELECT COUNT(*) FROM customer_order") orders; model $model; medians of $runs"
echo "(a)  TierDesk as of $today after a day of changes, request to stored: ${today_s[*]} s; median $a s (run's own clock: median $(median "${today_clock_s[@]}") s)"
echo "(b)  TierDesk as of $month_end, monthly figures: ${month_end_s[*]} s; median $b s"
echo "(b') TierDesk as of $older (not a month-end), orders scanned: ${older_s[*]} s; median $(median "${older_s[@]}") s"
echo "(c)  DuckDB from the raw orders in Parquet: ${raw_s[*]} s; median $c s"
echo "(d)  DuckDB from TierDesk's per-customer figures in Parquet: ${figures_s[*]} s; median $d s"
echo "(e)  cold rebuild from the orders: ${rebuild_s[*]} s; median $(median "${rebuild_s[@]}") s"
echo "(f)  month rollover: ${rollover_s[*]} s; median $(median "${rollover_s[@]}") s"
echo "(a)/(c) = $(ratio "$a" "$c") (target <= 0.8), (a) <= 3 s: $(awk -v a="$a" 'BEGIN { print (a <= 3) ? "yes" : "no" }'), (b)/(c) = $(ratio "$b" "$c") (target <= 2)"
echo "tiers: TierDesk (a) $today_tiers; DuckDB (c) $raw_tiers; DuckDB (d) $figures_tiers"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
