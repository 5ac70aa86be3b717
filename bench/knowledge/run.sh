#!/usr/bin/env bash
# Knowledge search benchmark: ARTICLES (10,000) articles written and published through the API, then the server time
# of warm searches over 50 fixed queries (Chinese of 2 to 6 characters, English of 1 to 3 words, and both mixed), as
# an agent finds published articles. Server time is what Tomcat's access log records for each request (%D: from the
# request read to the response written, in microseconds): the token, the terms, the index read, the ranking, the
# articles read and the JSON written; not the network or the client. Target: p95 < 100 ms.
#
#   bench/knowledge/run.sh                        # 10,000 articles, 1,000 measured searches
#   ARTICLES=2000 REQUESTS=500 bench/knowledge/run.sh
#   KEEP_DB=1 bench/knowledge/run.sh              # keep the database for another measurement ...
#   REUSE_DB=1 KEEP_DB=1 bench/knowledge/run.sh   # ... which skips the loading
#   EXPLAIN=1 REUSE_DB=1 bench/knowledge/run.sh   # the plans of the search's statements as well (explain.sql)
#
# Settings: ARTICLES (10000), LOAD_CLIENTS (4), REQUESTS (1000 measured searches), WARMUP (200 searches first, not
# counted), BENCH_DB (tierdesk_bench_knowledge), KEEP_DB=1, REUSE_DB=1, KEEP_DATA=1 keeps bench/work/knowledge (with
# the access log), EXPLAIN=1, and those of bench/intake/common.sh (PGHOST, PGPORT, PGUSER, PORT: here
# 18094, JAR, TIERDESK_JAVA_OPTS).
#
# Steps:
#   1. build the jar; a fresh database, the server started on it (no demo data) with the access log on;
#   2. an editor's token (a supervisor) and an agent's token, stored as the security module stores tokens;
#   3. KnowledgeLoad.java load: LOAD_CLIENTS clients write and publish the articles through the API (a create and a
#      publish each: the article, its tags, its version, its terms in the term index), timed; the rows are counted;
#   4. VACUUM ANALYZE of the knowledge tables (what autovacuum does within a minute of such a load);
#   5. KnowledgeLoad.java search: one client as the agent, WARMUP searches, then REQUESTS, one after the other;
#   6. p50, p95, p99 and max of the server time from the access log, beside the client's own;
#   7. the server stopped and the database dropped (also on failure), unless KEEP_DB=1.
set -euo pipefail
export PORT=${PORT:-18094}
source "$(dirname "${BASH_SOURCE[0]}")/../intake/common.sh"
articles=${ARTICLES:-10000}
clients=${LOAD_CLIENTS:-4}
requests=${REQUESTS:-1000}
warmup=${WARMUP:-200}
db=${BENCH_DB:-tierdesk_bench_knowledge}
work="$root/bench/work/knowledge"
knowledge="$root/bench/knowledge"
mkdir -p "$work"
cleanup() {
  local status=$?
  stop_server
  if [ "${KEEP_DB:-0}" != 1 ]; then
    psql -d postgres -qX -c "DROP DATABASE IF EXISTS $db" || true
  fi
  if [ "${KEEP_DATA:-0}" != 1 ] && [ "$status" = 0 ]; then
    rm -rf "$work"
  elif [ "$status" != 0 ]; then
    echo "failed; the logs are in $work" >&2
  fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

access_log=(--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$work"
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log
  --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.buffered=false
  "--server.tomcat.accesslog.pattern=%m %U%q %s %D")

if curl -s -o /dev/null "$url"; then
  echo "port $port is taken: another server answers on $url (set PORT)" >&2
  exit 1
fi
build_jar
rm -f "$work/access.log" "$work/server.log"
reuse=0
if [ "${REUSE_DB:-0}" = 1 ] \
    && [ "$(psql -d "$db" -qAtXc "SELECT COUNT(*) FROM knowledge_article WHERE status = 'PUBLISHED'" 2>/dev/null \
            || echo 0)" -ge "$articles" ]; then
  reuse=1
  log "reusing $db"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
    SPRING_DATASOURCE_PASSWORD=
else
  create_database
fi
start_server "${access_log[@]}"

# A service account and a token acting as it with the role, printed as the Authorization's bearer.
token() {
  local random prefix secret
  random=$(od -An -N25 -tx1 /dev/urandom | tr -d ' \n')
  prefix="bench${random:0:7}"
  secret=${random:7:43}
  sql "INSERT INTO user_account (username, display_name, role, enabled, created_at, kind)
       VALUES ('$1', 'Knowledge benchmark', '$2', TRUE, now(), 'SERVICE') ON CONFLICT DO NOTHING"
  sql "INSERT INTO api_token (prefix, secret_sha256, name, role, created_by, created_at, expires_at, account, scope)
       VALUES ('$prefix', '$(printf %s "$secret" | sha256sum | cut -d' ' -f1)', 'knowledge benchmark $prefix', '$2',
               'bench', now(), now() + interval '12 hours', '$1', 'API')"
  echo "tdk_${prefix}_${secret}"
}
editor=$(token bench-editor SUPERVISOR)
agent=$(token bench-agent AGENT)

load_line="(reused: not loaded)"
if [ "$reuse" = 0 ]; then
  log "$articles articles through the API, $clients clients"
  load_line=$(java "$knowledge/KnowledgeLoad.java" load "$url" "$editor" "$articles" "$clients")
  log "$load_line"
fi
published=$(sql "SELECT COUNT(*) FROM knowledge_article WHERE status = 'PUBLISHED'")
if [ "$published" -lt "$articles" ]; then
  echo "only $published published articles, $articles expected" >&2
  exit 1
fi
# What autovacuum does within a minute of such a load: statistics, and the visibility map that index-only scans read.
vacuum() {
  sql "VACUUM ANALYZE knowledge_article" && sql "VACUUM ANALYZE knowledge_term"
  sql "VACUUM ANALYZE knowledge_article_tag"
}
vacuum
database="$(sql "SELECT COUNT(*) FILTER (WHERE language = 'zh-CN') || ' in Chinese, '
                        || COUNT(*) FILTER (WHERE language = 'en') || ' in English, titles '
                        || MIN(CHAR_LENGTH(title)) || '-' || MAX(CHAR_LENGTH(title)) || ' characters, bodies '
                        || MIN(CHAR_LENGTH(body)) || '-' || MAX(CHAR_LENGTH(body)) || ' (average '
                        || ROUND(AVG(CHAR_LENGTH(body))) || ')' FROM knowledge_article")"
terms="$(sql "SELECT COUNT(*) || ' rows, ' || COUNT(DISTINCT term) || ' distinct terms, '
                     || pg_size_pretty(pg_total_relation_size('knowledge_term')) || ' with its indexes'
              FROM knowledge_term")"

# One measurement: the client's searches marked m=$2, then the plans with EXPLAIN=1.
clients_lines=()
measure() {
  echo "$1: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  log "$1: searches as an agent, $warmup warm-up, then $requests"
  clients_lines+=("$1: $(java "$knowledge/KnowledgeLoad.java" search "$url" "$agent" "$warmup" "$requests" "$2" \
    | tr '\n' ' ')")
  echo "$1: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "${EXPLAIN:-0}" = 1 ]; then
    psql -d "$db" -X -v ON_ERROR_STOP=1 -f "$knowledge/explain.sql"
  fi
}
measure "searches" 1
stop_server

echo
echo "articles: $published published; $database"
echo "term index: $terms"
echo "loading: $load_line"
printf '%s\n' "${clients_lines[@]}"
echo "server time (access log), measured searches:"
printf '%-18s %8s %8s %8s %8s %8s %8s\n' schema requests p50_ms p95_ms p99_ms max_ms errors
for mark in 1; do
  awk -v mark="$mark" '$1 == "GET" { split($2, url, "?");
      if (url[1] == "/api/v1/knowledge/articles" && url[2] ~ ("(^|&)m=" mark "$")) print $3, $4 }' \
    "$work/access.log" | sort -k2 -n | awk -v what="searches" '
      { status[NR] = $1; time[NR] = $2; if ($1 != 200) errors++ }
      function at(share) { i = int(share * NR); if (i < share * NR) i++; return time[i] / 1000 }
      END { if (NR == 0) exit; printf "%-18s %8d %8.1f %8.1f %8.1f %8.1f %8d\n", what, NR, at(0.5), at(0.95),
                                  at(0.99), time[NR] / 1000, errors + 0 }'
done
echo "command: ARTICLES=$articles LOAD_CLIENTS=$clients REQUESTS=$requests WARMUP=$warmup" \
  "bench/knowledge/run.sh"
