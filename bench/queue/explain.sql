-- The queue's statements as TicketRepository.queue issues them for a first page of 20, explained with their run on
-- the benchmark's database (bench.sh runs it with EXPLAIN=1): the page and the count (up to 1,000) of the agent's
-- queue (:agent), of the supervisors' all-open view, and of the all-open view of one tier's tickets at risk (the rows
-- whose stored risk still holds, and those whose risk moved on since they were written), which is also one of the
-- at-risk board's counts.
\set columns 't.id, t.customer_id, t.customer_code, t.channel, t.requester_name, t.requester_email, t.requester_phone, t.subject, t.type, t.priority, t.status, t.assignee, t.tier, t.policy_version, t.follow_up_of, t.created_at, t.updated_at, t.solved_at, t.version, t.agents_online_at_intake, q.next_target, q.next_due_at, q.next_paused, q.at_risk_at, q.breach_at'
\set due 'ORDER BY q.next_due_at, q.ticket_id'
\set held 'q.tier = ''VIP'' AND q.risk = 1 AND (q.risk_changes_at IS NULL OR q.risk_changes_at > now())'
\set moved 'q.tier = ''VIP'' AND q.risk_changes_at <= now() AND (q.breach_at IS NULL OR q.breach_at > now()) ORDER BY q.risk_changes_at FETCH FIRST 1001 ROWS ONLY'
\set page ') positions ORDER BY next_due_at, ticket_id OFFSET 0 ROWS FETCH FIRST 21 ROWS ONLY) p JOIN ticket_queue q ON q.ticket_id = p.ticket_id JOIN ticket t ON t.id = p.ticket_id ORDER BY p.next_due_at, p.ticket_id'

\echo '== agent queue: first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM (SELECT * FROM (SELECT * FROM (SELECT q.ticket_id, q.next_due_at FROM ticket_queue q
 WHERE 1 = 1 AND q.assignee = :'agent' :due FETCH FIRST 21 ROWS ONLY) part :page;

\echo '== agent queue: count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT (SELECT COUNT(*) FROM (SELECT 1 AS one FROM ticket_queue q WHERE 1 = 1 AND q.assignee = :'agent'
 :due FETCH FIRST 1001 ROWS ONLY) c);

\echo '== all open: first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM (SELECT * FROM (SELECT * FROM (SELECT q.ticket_id, q.next_due_at FROM ticket_queue q
 WHERE 1 = 1 :due FETCH FIRST 21 ROWS ONLY) part :page;

\echo '== all open: count'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT (SELECT COUNT(*) FROM (SELECT 1 AS one FROM ticket_queue q WHERE 1 = 1 :due FETCH FIRST 1001 ROWS ONLY) c);

\echo '== all open, VIP at risk: first page'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :columns FROM (SELECT * FROM (SELECT * FROM (SELECT q.ticket_id, q.next_due_at FROM ticket_queue q
 WHERE 1 = 1 AND :held :due FETCH FIRST 21 ROWS ONLY) part
 UNION ALL SELECT * FROM (SELECT q.ticket_id, q.next_due_at FROM ticket_queue q WHERE 1 = 1 AND :moved) part :page;

\echo '== all open, VIP at risk: count, as on the at-risk board'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT (SELECT COUNT(*) FROM (SELECT 1 AS one FROM ticket_queue q WHERE 1 = 1 AND :held :due FETCH FIRST 1001 ROWS ONLY) c)
     + (SELECT COUNT(*) FROM (SELECT 1 AS one FROM ticket_queue q WHERE 1 = 1 AND :moved) c);
