-- Open tickets for the queue check: :open open tickets (200,000 by default in run.sh) and half as many closed ones,
-- spread over 1,000 agents (about 190 open each) with one in twenty unassigned, four tiers, five types, six channels
-- and every open status, created over the last three days. Every ticket has a resolution target; a NEW one has a
-- running first response too, the others met it. Targets of pending tickets are paused, those of closed ones ended.
-- Deterministic: the same :open gives the same rows.
TRUNCATE ticket_sla_target, ticket RESTART IDENTITY CASCADE;

INSERT INTO ticket (customer_id, customer_code, channel, requester_name, subject, type, priority, status, assignee,
                    tier, policy_version, created_at, updated_at, solved_at, version)
SELECT g % 50000 + 1,
       'C' || lpad((g % 50000 + 1)::text, 6, '0'),
       (ARRAY['PHONE', 'CHAT', 'EMAIL', 'SOCIAL', 'WEB_FORM', 'API'])[g % 6 + 1],
       '客户 ' || g,
       '工单 ' || g,
       (ARRAY['INQUIRY', 'TECHNICAL_ISSUE', 'COMPLAINT', 'URGENT_REQUEST', 'RETURN_EXCHANGE'])[g % 5 + 1],
       (ARRAY['LOW', 'NORMAL', 'NORMAL', 'HIGH', 'URGENT'])[g % 5 + 1],
       CASE WHEN g > :open THEN 'CLOSED'
            ELSE (ARRAY['NEW', 'NEW', 'NEW', 'OPEN', 'OPEN', 'OPEN', 'OPEN', 'PENDING_CUSTOMER', 'PENDING_THIRD_PARTY',
                        'REOPENED'])[g % 10 + 1] END,
       CASE WHEN g % 20 = 0 THEN NULL ELSE 'agent-' || lpad((g % 1000 + 1)::text, 4, '0') END,
       CASE WHEN g % 20 < 1 THEN 'VIP' WHEN g % 20 < 4 THEN 'KEY' WHEN g % 20 < 18 THEN 'REGULAR' ELSE 'WATCH' END,
       1,
       now() - (g % 4320) * interval '1 minute',
       now() - (g % 4320) * interval '1 minute',
       CASE WHEN g > :open THEN now() - (g % 4320) * interval '1 minute' + interval '1 hour' END,
       1
  FROM generate_series(1, :open + :open / 2) AS g;

-- The resolution target: due 2 h to 2 days after creation by tier, at risk when 80 % of it has gone.
INSERT INTO ticket_sla_target (ticket_id, target, tier, due_at, achieved_at, paused_seconds, status, running,
                               updated_at, at_risk_at, paused)
SELECT t.id, 'RESOLUTION', t.tier, t.created_at + d.span, CASE WHEN t.status = 'CLOSED' THEN t.solved_at END, 0,
       CASE WHEN t.status = 'CLOSED' THEN 'MET' WHEN t.created_at + d.span < now() THEN 'BREACHED'
            WHEN t.created_at + d.span * 0.8 < now() THEN 'AT_RISK' ELSE 'ON_TRACK' END,
       t.status <> 'CLOSED', t.updated_at, t.created_at + d.span * 0.8, t.status LIKE 'PENDING%'
  FROM ticket t
  CROSS JOIN LATERAL (SELECT CASE t.tier WHEN 'VIP' THEN interval '2 hours' WHEN 'KEY' THEN interval '8 hours'
                                         WHEN 'REGULAR' THEN interval '1 day' ELSE interval '2 days' END AS span) d;

-- The first response: running on NEW tickets, met on the others, due 30 min to 4 h after creation by tier.
INSERT INTO ticket_sla_target (ticket_id, target, tier, due_at, achieved_at, paused_seconds, status, running,
                               updated_at, at_risk_at, paused)
SELECT t.id, 'FIRST_RESPONSE', t.tier, t.created_at + d.span,
       CASE WHEN t.status <> 'NEW' THEN t.created_at + d.span / 2 END, 0,
       CASE WHEN t.status <> 'NEW' THEN 'MET' WHEN t.created_at + d.span < now() THEN 'BREACHED'
            WHEN t.created_at + d.span * 0.8 < now() THEN 'AT_RISK' ELSE 'ON_TRACK' END,
       t.status = 'NEW', t.updated_at, t.created_at + d.span * 0.8, FALSE
  FROM ticket t
  CROSS JOIN LATERAL (SELECT CASE t.tier WHEN 'VIP' THEN interval '30 minutes' WHEN 'KEY' THEN interval '1 hour'
                                         WHEN 'REGULAR' THEN interval '2 hours' ELSE interval '4 hours' END AS span) d;

VACUUM ANALYZE ticket;
VACUUM ANALYZE ticket_sla_target;
