#!/usr/bin/env bash
# .xlsx import benchmark: writes a ROWS-row orders sheet with SXSSF (untimed), then imports it into a fresh
# PostgreSQL database with `tierdesk import orders FILE.xlsx --create-missing-customers` (the command line's path)
# in a JVM capped at XMX, with GC logging; prints rows/s and the most heap used (the largest heap occupancy the GC
# log shows before a collection), which stays flat however many rows the sheet has.
#
#   bench/import/xlsx.sh                      # 1,000,000 rows, -Xmx256m
#   ROWS=100000 XMX=128m bench/import/xlsx.sh
#
# Settings: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (tierdesk_bench_xlsx), CUSTOMERS (100000),
# KEEP_DATA=1 keeps bench/work-xlsx afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rows=${ROWS:-1000000}
customers=${CUSTOMERS:-100000}
xmx=${XMX:-256m}
db=${BENCH_DB:-tierdesk_bench_xlsx}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
work="$root/bench/work-xlsx"
log() { echo "[bench $(date +%H:%M:%S)] $*"; }
now() { date +%s.%N; }
mkdir -p "$work"

log "building the application jar"
./mvnw -q -B -DskipTests package
rm -f target/*.jar.original
./mvnw -q -B dependency:build-classpath -Dmdep.includeGroupIds=org.apache.poi,org.apache.commons,commons-io,org.apache.xmlbeans,org.apache.logging.log4j,com.zaxxer,com.github.virtuald -Dmdep.outputFile="$work/classpath.txt" >/dev/null

sheet="$work/orders.xlsx"
if [ ! -s "$sheet" ]; then
  log "writing $rows orders to $sheet (SXSSF, untimed)"
  java -Xmx512m -cp "$(cat "$work/classpath.txt")" bench/import/XlsxOrders.java "$sheet" "$rows" "$customers"
fi
log "sheet: $(du -h "$sheet" | cut -f1)"

log "fresh database $db"
psql -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD=
# the schema is migrated by a first run, so that the timed run is the import alone
TIERDESK_JAVA_OPTS="-Xmx$xmx" ./tierdesk import customers /dev/null >/dev/null 2>&1 || true

export TIERDESK_JAVA_OPTS="-Xmx$xmx -Xlog:gc:file=$work/gc.log"
log "tierdesk import orders orders.xlsx --create-missing-customers (-Xmx$xmx)"
started=$(now)
/usr/bin/time -f "%M" -o "$work/rss" ./tierdesk import orders "$sheet" --create-missing-customers --report "$work/report.json" >&2 || true
seconds=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
stored=$(psql -d "$db" -tAc "SELECT COUNT(*) FROM customer_order")
# "Pause Young (Normal) (G1 Evacuation Pause) 150M->20M(256M)": in use before and after each collection; the
# largest "after" is the most the import kept live, the largest "before" how far the heap filled between collections
peak=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)
live=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
echo
echo "xlsx orders: $rows rows in $seconds s = $(awk -v n="$rows" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') rows/s; stored $stored orders"
echo "heap: -Xmx$xmx, most live after a collection ${live:-?} MB, most in use before one ${peak:-?} MB (GC log); max RSS $(($(cat "$work/rss") / 1024)) MB"

if [ "${KEEP_DATA:-0}" != 1 ]; then
  rm -rf "$work"
  psql -d postgres -qc "DROP DATABASE IF EXISTS $db"
fi
