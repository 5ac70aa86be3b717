-- The queue's statements as TicketRepository.queue issues them for its first page (20 rows), explained with their
-- run: the agent's own queue (:agent) and the supervisors' all-open view, each a count and a page; then the
-- at-risk board's counts per tier.
\set risk '(SELECT COALESCE(MAX(CASE WHEN r.status = ''BREACHED'' OR (NOT r.paused AND r.due_at <= now()) THEN 2 WHEN r.at_risk_at <= now() THEN 1 ELSE 0 END), 0) FROM ticket_sla_target r WHERE r.ticket_id = t.id AND r.running)'
\set next 'n.running AND t.status NOT IN (''SOLVED'', ''CLOSED'') AND NOT EXISTS (SELECT 1 FROM ticket_sla_target e WHERE e.ticket_id = n.ticket_id AND e.running AND (e.due_at < n.due_at OR (e.due_at = n.due_at AND e.target < n.target)))'
\set columns 't.id, t.customer_id, t.customer_code, t.channel, t.requester_name, t.requester_email, t.requester_phone, t.subject, t.type, t.priority, t.status, t.assignee, t.tier, t.policy_version, t.follow_up_of, t.created_at, t.updated_at, t.solved_at, t.version, n.target AS next_target, n.due_at AS next_due, n.paused AS next_paused'

\echo '== agent queue: count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT COUNT(*) FROM ticket_sla_target n JOIN ticket t ON t.id = n.ticket_id WHERE :next AND t.assignee = :'agent';

\echo '== agent queue: first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns, :risk AS risk FROM ticket_sla_target n JOIN ticket t ON t.id = n.ticket_id
 WHERE :next AND t.assignee = :'agent' ORDER BY n.due_at, t.id OFFSET 0 ROWS FETCH FIRST 20 ROWS ONLY;

\echo '== all open: count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT COUNT(*) FROM ticket_sla_target n JOIN ticket t ON t.id = n.ticket_id WHERE :next;

\echo '== all open: first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns, :risk AS risk FROM ticket_sla_target n JOIN ticket t ON t.id = n.ticket_id
 WHERE :next ORDER BY n.due_at, t.id OFFSET 0 ROWS FETCH FIRST 20 ROWS ONLY;

\echo '== at-risk board: counts per tier'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT tier, SUM(CASE WHEN risk = 1 THEN 1 ELSE 0 END) AS at_risk, SUM(CASE WHEN risk = 2 THEN 1 ELSE 0 END) AS breached
  FROM (SELECT t.tier, :risk AS risk FROM ticket t WHERE t.status NOT IN ('SOLVED', 'CLOSED')) r
 WHERE risk > 0 GROUP BY tier ORDER BY tier;
