#!/usr/bin/env bash
# Import benchmark: generates customers and orders as CSV, imports them into a fresh PostgreSQL
# database with `tierdesk import` (default durability, validation and aggregates included), then
# loads the same orders with COPY into a table with the same columns, keys, indexes and checks as
# `customer_order` (the customer by its id, as the real table keys it) as the ceiling, and prints
# rows/s of both and their ratio. Each side runs ROUNDS times (default 3), each round on a fresh
# database, after VACUUM and CHECKPOINT; the medians are compared.
#
#   bench/import/run.sh                       # 1,000,000 customers, 20,000,000 orders, 3 rounds
#   CUSTOMERS=50000 ORDERS_PER_CUSTOMER=20 ROUNDS=1 bench/import/run.sh
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (tierdesk_bench),
# TIERDESK_JAVA_OPTS (-Xmx1g), ROUNDS (3), REIMPORT=0 skips importing the orders a second time (in
# the first round), KEEP_DATA=1 keeps bench/work afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
customers=${CUSTOMERS:-1000000}
per_customer=${ORDERS_PER_CUSTOMER:-20}
db=${BENCH_DB:-tierdesk_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export TIERDESK_JAVA_OPTS=${TIERDESK_JAVA_OPTS:--Xmx1g}
work="$root/bench/work"
data="$work/data"
log() { echo "[bench $(date +%H:%M:%S)] $*"; }
now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

df -h "$root" | tail -1 | awk '{ print "[bench] disk free: " $4 }'
mkdir -p "$data"

log "building the application jar"
./mvnw -q -B -DskipTests package
rm -f target/*.jar.original

if [ ! -s "$data/orders.csv" ]; then
  log "generating $customers customers x $per_customer orders"
  started=$(now)
  ./tierdesk demo-data --customers "$customers" --orders-per-customer "$per_customer" --output "$data"
  log "generated in $(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }') s"
fi
customer_rows=$(($(wc -l < "$data/customers.csv") - 1))
order_rows=$(($(wc -l < "$data/orders.csv") - 1))
log "files: $customer_rows customers ($(du -h "$data/customers.csv" | cut -f1)), $order_rows orders ($(du -h "$data/orders.csv" | cut -f1))"

rounds=${ROUNDS:-3}
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
settle() { psql -d "$db" -qc "VACUUM ANALYZE" -c "CHECKPOINT"; }

run_import() {
  local kind=$1 file=$2 started elapsed
  started=$(now)
  /usr/bin/time -f "%M" -o "$work/$kind.rss" ./tierdesk import "$kind" "$file" --report "$work/$kind-report.json" >&2
  elapsed=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
  echo "$elapsed"
}

customer_times=(); order_times=(); copy_times=()
for round in $(seq 1 "$rounds"); do
  log "round $round of $rounds: fresh database $db"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD=
  settle
  log "tierdesk import customers"
  customer_times+=("$(run_import customers "$data/customers.csv" | tail -1)")
  settle
  log "tierdesk import orders"
  order_times+=("$(run_import orders "$data/orders.csv" | tail -1)")
  if [ "$round" = 1 ] && [ "${REIMPORT:-1}" = 1 ]; then
    log "tierdesk import orders again (nothing changed)"
    reimport_seconds=$(run_import orders "$data/orders.csv" | tail -1)
  fi

  # The ceiling reads the orders as the real table holds them (the customer's id, the paid month), exported untimed.
  log "ceiling: COPY of the same orders into a table keyed like customer_order"
  psql -d "$db" -qc "\\copy (SELECT external_id, customer_id, amount, refund_amount, placed_at, paid_at, status, paid_month FROM customer_order ORDER BY id) TO '$data/orders-keyed.csv' WITH (FORMAT csv)"
  psql -d "$db" -q -c "CREATE TABLE bench_copy_order (LIKE customer_order INCLUDING ALL)" \
    -c "ALTER TABLE bench_copy_order ADD FOREIGN KEY (customer_id) REFERENCES customer (id)"
  settle
  started=$(now)
  psql -d "$db" -qc "\\copy bench_copy_order (external_id, customer_id, amount, refund_amount, placed_at, paid_at, status, paid_month) FROM '$data/orders-keyed.csv' WITH (FORMAT csv)"
  copy_times+=("$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')")
  rm -f "$data/orders-keyed.csv"
  log "round $round: customers ${customer_times[-1]} s, orders ${order_times[-1]} s, COPY ${copy_times[-1]} s"
done
customer_seconds=$(echo "${customer_times[*]}" | median)
order_seconds=$(echo "${order_times[*]}" | median)
copy_seconds=$(echo "${copy_times[*]}" | median)

stored=$(psql -d "$db" -tAc "SELECT COUNT(*) FROM customer_order")
copied=$(psql -d "$db" -tAc "SELECT COUNT(*) FROM bench_copy_order")
summaries=$(psql -d "$db" -tAc "SELECT COUNT(*) FROM customer_purchase_summary")
echo
echo "medians of $rounds rounds (each: ${customer_times[*]} / ${order_times[*]} / ${copy_times[*]} s)"
echo "customers: $customer_rows rows in $customer_seconds s = $(rate "$customer_rows" "$customer_seconds") rows/s (max RSS $(($(cat "$work/customers.rss") / 1024)) MB)"
echo "orders:    $order_rows rows in $order_seconds s = $(rate "$order_rows" "$order_seconds") rows/s (max RSS $(($(cat "$work/orders.rss") / 1024)) MB); stored $stored orders, $summaries purchase summaries"
if [ -n "${reimport_seconds:-}" ]; then
  echo "re-import: $order_rows rows in $reimport_seconds s = $(rate "$order_rows" "$reimport_seconds") rows/s (all unchanged)"
fi
echo "COPY:      $copied rows in $copy_seconds s = $(rate "$copied" "$copy_seconds") rows/s (keyed by customer id)"
echo "ratio:     import / COPY = $(awk -v i="$order_seconds" -v c="$copy_seconds" 'BEGIN { printf "%.2f", c / i }')"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
fi
