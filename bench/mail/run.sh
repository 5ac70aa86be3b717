#!/usr/bin/env bash
# Inbound mail benchmark: messages per second from a GreenMail IMAP mailbox to tickets, read by the server's own poller
# (the db-scheduler task), and the same messages through the signed webhook.
#
#   bench/mail/run.sh                              # 2,000 messages, 100,000 customers
#   MESSAGES=500 CUSTOMERS=10000 bench/mail/run.sh # a quick run
#   WEBHOOK=0 bench/mail/run.sh                    # the mailbox only
#
# Settings: MESSAGES (2000), CUSTOMERS (100000), BATCH (the poller's tierdesk.mail.inbound.batch: MESSAGES, so that
# the first poll takes them all; the application's default is 50), POLL_EVERY (tierdesk.mail.inbound.poll-every: PT1S;
# the default is PT1M), SCHEDULER_POLL (tierdesk.scheduler.polling-interval: PT2S, its default), WEBHOOK (1: the
# webhook too), WEBHOOK_CLIENTS (8), SMTP_PORT (18025), IMAP_PORT (18143), BENCH_DB (tierdesk_bench_mail), KEEP_DB=1
# keeps the database, KEEP_DATA=1 keeps bench/work/mail (server log, GreenMail's log, the expected outcomes), EXPLAIN=1
# (the plans of explain.sql: the sender matched to a customer), and those of bench/intake/common.sh (PGHOST, PGPORT,
# PGUSER, PORT: here 18093, JAR, TIERDESK_JAVA_OPTS).
#
# Steps:
#   1. build the jar and the test classpath (GreenMail, Jakarta Mail); a fresh database, the server started on it
#      with CUSTOMERS demo customers (graded and published, so that they have tiers), then stopped; the demo
#      loading's tickets deleted;
#   2. MailLoad.java serve: GreenMail (SMTP and IMAP on 127.0.0.1, no TLS) with MESSAGES messages in the service
#      mailbox's INBOX, from 1,000 of the customers' addresses (spread over the table) and from strangers (see
#      MailLoad.java for the mix); then MailLoad.java fetch: the poller's IMAP commands alone against that mailbox,
#      timed (what GreenMail and Jakarta Mail cost without TierDesk), the messages left unseen;
#   3. the server started with the mailbox configured (IMAP, no TLS, messages marked seen, not moved) and GreenMail's
#      SMTP as its mail server, so that the acknowledgements go out as in production; the poller's first run starts
#      when the server has started (the "Started TierDeskApplication" line of its log): the clock runs from there to
#      the moment all MESSAGES are stored (counted every 0.2 s); the CPU the server spent meanwhile (from /proc);
#   4. the database checked against the expected outcomes: every message stored once, one ticket for each new mail
#      of a customer, each answer in the ticket of the mail it answers, each stranger's mail in triage; the
#      acknowledgements queued and sent so far;
#   5. with WEBHOOK=1: the server stopped, the mail, tickets and notifications emptied, the server started with a
#      webhook secret and no mailbox, and MailLoad.java post sends the same messages, signed, WEBHOOK_CLIENTS at once
#      (an answer only after the mail it answers was taken), timed by the client; the server's CPU; the same check;
#   6. the server and GreenMail stopped and the database dropped (also on failure), unless KEEP_DB=1.
set -euo pipefail
export PORT=${PORT:-18093}
source "$(dirname "${BASH_SOURCE[0]}")/../intake/common.sh"
messages=${MESSAGES:-2000}
customers=${CUSTOMERS:-100000}
batch=${BATCH:-$messages}
poll_every=${POLL_EVERY:-PT1S}
scheduler_poll=${SCHEDULER_POLL:-PT2S}
smtp_port=${SMTP_PORT:-18025}
imap_port=${IMAP_PORT:-18143}
clients=${WEBHOOK_CLIENTS:-8}
db=${BENCH_DB:-tierdesk_bench_mail}
work="$root/bench/work/mail"
mail="$root/bench/mail"
secret=bench-webhook-secret
mkdir -p "$work"
greenmail=
cleanup() {
  local status=$?
  stop_server
  if [ -n "$greenmail" ] && kill -0 "$greenmail" 2>/dev/null; then
    kill "$greenmail"
    wait "$greenmail" 2>/dev/null || true
  fi
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

for taken in "$port" "$smtp_port" "$imap_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$taken") 2>/dev/null; then
    echo "port $taken is taken (set PORT, SMTP_PORT, IMAP_PORT)" >&2
    exit 1
  fi
done
build_jar
log "the test classpath (GreenMail, Jakarta Mail)"
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >&2
classpath=$(tr ':' '\n' < "$work/classpath.txt" | grep -E '/greenmail/|jakarta\.mail|angus|activation|slf4j-api' \
  | paste -sd:)
rm -f "$work/server.log" "$work/greenmail.log"

create_database
start_with_customers "$customers"
stop_server
# 1,000 senders spread over the customers, so that a lookup by address finds them anywhere in the table
sql "SELECT email FROM customer WHERE email IS NOT NULL
        AND id % GREATEST(1, (SELECT COUNT(*) FROM customer) / 1000) = 0 ORDER BY id LIMIT 1000" > "$work/customers.txt"

log "GreenMail: $messages messages in the service mailbox"
java -cp "$classpath" "$mail/MailLoad.java" serve "$smtp_port" "$imap_port" "$messages" "$work/customers.txt" \
  "$work/expected.csv" > "$work/greenmail.log" 2>&1 &
greenmail=$!
for _ in $(seq 1 600); do
  grep -q '^ready' "$work/greenmail.log" && break
  if ! kill -0 "$greenmail" 2>/dev/null; then
    echo "GreenMail did not start; see $work/greenmail.log" >&2
    exit 1
  fi
  sleep 0.5
done
grep '^ready' "$work/greenmail.log" >&2
log "the mailbox alone: the poller's IMAP commands without TierDesk"
floor_line=$(java -cp "$classpath" "$mail/MailLoad.java" fetch "$imap_port")
log "$floor_line"
sql "CREATE TABLE bench_expected (message_id VARCHAR(998) PRIMARY KEY, outcome VARCHAR(16), answers VARCHAR(998))"
psql -d "$db" -qX -v ON_ERROR_STOP=1 -c "\\copy bench_expected FROM '$work/expected.csv' (FORMAT csv)"

# What the database holds against what the messages should have made; exits the script on a difference.
check() {
  local line
  line=$(sql "SELECT (SELECT COUNT(*) FROM mail_message WHERE direction = 'IN'),
      (SELECT COUNT(DISTINCT message_id) FROM mail_message WHERE direction = 'IN'),
      (SELECT COUNT(*) FROM bench_expected e WHERE NOT EXISTS (
          SELECT 1 FROM mail_message m WHERE m.message_id = e.message_id AND m.direction = 'IN')),
      (SELECT COUNT(*) FROM ticket WHERE channel = 'EMAIL'),
      (SELECT COUNT(DISTINCT m.ticket_id) FROM bench_expected e JOIN mail_message m ON m.message_id = e.message_id
        WHERE e.outcome = 'OPENED'),
      (SELECT COUNT(*) FROM bench_expected e JOIN mail_message r ON r.message_id = e.message_id
         JOIN mail_message o ON o.message_id = e.answers WHERE e.outcome = 'THREADED' AND r.ticket_id = o.ticket_id),
      (SELECT COUNT(*) FROM bench_expected e JOIN mail_message m ON m.message_id = e.message_id
        WHERE e.outcome = 'TRIAGE' AND m.triage AND m.ticket_id IS NULL),
      (SELECT COUNT(*) FROM ticket_message WHERE kind = 'CUSTOMER_MESSAGE'),
      (SELECT COUNT(*) FROM bench_expected WHERE outcome = 'OPENED'),
      (SELECT COUNT(*) FROM bench_expected WHERE outcome = 'THREADED'),
      (SELECT COUNT(*) FROM bench_expected WHERE outcome = 'TRIAGE')" | tr '|' ' ')
  read -r received distinct missing tickets opened threaded triage said want_opened want_threaded want_triage <<<"$line"
  local summary="stored $received messages ($distinct distinct, $missing missing of $messages); tickets created\
 $tickets (expected $want_opened, one per new mail: $opened); threaded $threaded (expected $want_threaded); in\
 triage $triage (expected $want_triage); customer messages on tickets $said (expected $((want_opened + want_threaded)))"
  echo "$summary"
  if [ "$received" != "$messages" ] || [ "$distinct" != "$messages" ] || [ "$missing" != 0 ] \
      || [ "$tickets" != "$want_opened" ] || [ "$opened" != "$want_opened" ] || [ "$threaded" != "$want_threaded" ] \
      || [ "$triage" != "$want_triage" ] || [ "$said" != $((want_opened + want_threaded)) ]; then
    echo "MISMATCH, messages lost, doubled or taken wrongly: $summary" >&2
    exit 1
  fi
}
acknowledgements() {
  sql "SELECT COUNT(*) || ' acknowledgements queued, ' || COUNT(*) FILTER (WHERE status = 'SENT') || ' sent'
       FROM notification WHERE template = 'mail.ack'"
}
# Waits until all messages are stored (none stored for 120 s: gives up); prints the time, in epoch seconds.
wait_for_messages() {
  local stored last=-1 still=0
  while true; do
    stored=$(sql "SELECT COUNT(*) FROM mail_message WHERE direction = 'IN'")
    if [ "$stored" -ge "$messages" ]; then
      date +%s.%N
      return
    fi
    if [ "$stored" = "$last" ]; then
      still=$((still + 1))
      if [ "$still" -ge 600 ]; then
        echo "no message stored for 120 s ($stored of $messages); see $work/server.log" >&2
        exit 1
      fi
    else
      still=0
      last=$stored
    fi
    sleep 0.2
  done
}
# The server's CPU since the reading given, per message (its background work meanwhile included).
cpu_per_message() {
  awk -v s="$(cpu_seconds "$server")" -v s0="$1" -v n="$messages" \
    'BEGIN { printf "%.1f ms a message", (s - s0) * 1000 / n }'
}
# When the server last started (its log's "Started TierDeskApplication"), in epoch seconds.
started_at() {
  date -d "$(grep 'Started TierDeskApplication' "$work/server.log" | tail -1 | cut -d' ' -f1)" +%s.%N
}

# No mail, tickets or notifications: the demo loading's tickets, or the mail of the IMAP phase, go; the tickets'
# one-off tasks (SLA wakes, supervisors' tasks) with them; the recurring tasks stay.
empty() {
  sql "TRUNCATE mail_attachment, mail_message, notification, ticket_intake_key, ticket_daily_load,
       ticket RESTART IDENTITY CASCADE"
  sql "DELETE FROM scheduled_tasks WHERE task_instance <> 'recurring'"
  sql "VACUUM ANALYZE" 2>/dev/null
}

mailbox=(--tierdesk.mail.inbound.host=127.0.0.1 --tierdesk.mail.inbound.port="$imap_port"
  --tierdesk.mail.inbound.ssl=false --tierdesk.mail.inbound.user=service --tierdesk.mail.inbound.password=secret
  --tierdesk.mail.inbound.batch="$batch" --tierdesk.mail.inbound.poll-every="$poll_every")
smtp=(--spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port"
  --tierdesk.scheduler.polling-interval="$scheduler_poll")
empty
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
log "IMAP: the server polls the mailbox (batch $batch, every $poll_every, scheduler polling every $scheduler_poll)"
SCHEDULER_RECURRING=true start_server "${mailbox[@]}" "${smtp[@]}"
first_poll=$(started_at)
cpu_from=$(cpu_seconds "$server")
done_at=$(wait_for_messages)
imap_cpu=$(cpu_per_message "$cpu_from")
imap_seconds=$(awk -v a="$first_poll" -v b="$done_at" 'BEGIN { printf "%.1f", b - a }')
imap_acks=$(acknowledgements)
imap_line="IMAP: $messages messages in $imap_seconds s from the first poll to the last stored:\
 $(awk -v n="$messages" -v s="$imap_seconds" 'BEGIN { printf "%.1f", n / s }') messages/s\
 (batch $batch, every $poll_every, scheduler polling every $scheduler_poll); server CPU $imap_cpu; $imap_acks"
log "$imap_line"
imap_check=$(check)
log "$imap_check"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${EXPLAIN:-0}" = 1 ]; then
  psql -d "$db" -X -v ON_ERROR_STOP=1 -f "$mail/explain.sql"
fi
stop_server

webhook_line="webhook: not measured (WEBHOOK=0)"
webhook_check=
if [ "${WEBHOOK:-1}" = 1 ]; then
  log "the mail, tickets and notifications emptied; the webhook, $clients clients"
  empty
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  SCHEDULER_RECURRING=true start_server --tierdesk.mail.webhook.secret="$secret" "${smtp[@]}"
  cpu_from=$(cpu_seconds "$server")
  webhook_line=$(java -cp "$classpath" "$mail/MailLoad.java" post "$url" "$secret" "$messages" "$work/customers.txt" \
    "$clients")
  webhook_line="$webhook_line; server CPU $(cpu_per_message "$cpu_from")"
  log "$webhook_line"
  webhook_acks=$(acknowledgements)
  webhook_check=$(check)
  log "$webhook_check"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_server
fi

echo
echo "customers: $customers; messages: $messages ($(grep '^ready' "$work/greenmail.log" | sed 's/^ready: //'))"
echo "$floor_line"
echo "$imap_line"
echo "  $imap_check"
echo "$webhook_line${webhook_acks:+; $webhook_acks}"
if [ -n "$webhook_check" ]; then
  echo "  $webhook_check"
fi
echo "command: MESSAGES=$messages CUSTOMERS=$customers BATCH=$batch POLL_EVERY=$poll_every" \
  "SCHEDULER_POLL=$scheduler_poll WEBHOOK=${WEBHOOK:-1} WEBHOOK_CLIENTS=$clients bench/mail/run.sh"
