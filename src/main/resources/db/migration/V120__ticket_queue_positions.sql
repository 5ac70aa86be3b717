-- The queues at scale: one row per open ticket with a running SLA target, written in the transaction of every change
-- of the ticket or its targets (and by the SLA watcher at each wake), so that the queues, their counts and the at-risk
-- board read one narrow table by its indexes instead of working out every open ticket's targets at each refresh.
-- A row holds what the queues filter on; the running target due first (their order); when the ticket turns at risk
-- and breached (the earliest of its running targets'); and risk, how it stood when the row was written (0 on track,
-- 1 at risk, 2 breached), true until risk_changes_at (null: until the next change). The watcher wakes at that instant
-- and writes the row again; meanwhile the few rows whose instant has passed are found by their own index.
CREATE TABLE ticket_queue (
    ticket_id       BIGINT      NOT NULL PRIMARY KEY REFERENCES ticket (id),
    assignee        VARCHAR(100),
    tier            VARCHAR(32) NOT NULL,
    type            VARCHAR(32) NOT NULL,
    status          VARCHAR(32) NOT NULL,
    channel         VARCHAR(16) NOT NULL,
    next_target     VARCHAR(32) NOT NULL,
    next_due_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    next_paused     BOOLEAN     NOT NULL,
    at_risk_at      TIMESTAMP WITH TIME ZONE,
    breach_at       TIMESTAMP WITH TIME ZONE,
    risk            SMALLINT    NOT NULL,
    risk_changes_at TIMESTAMP WITH TIME ZONE
);
-- Each queue walks one of these in its order and stops after its page (or its count's limit): everybody's, a person's
-- (and the unassigned, assignee null), a risk's, a tier's, a status's (pending and new tickets sit far from the head of
-- the due order), a tier's risk (the at-risk board). Each ends with the other columns the queues filter on, so that a
-- walk checks them in the index and counting a thousand rows of a narrow filter does not read the table for every row
-- it passes. The last finds the rows whose risk has moved on since they were written, with what their queues read.
CREATE INDEX ticket_queue_due_idx
    ON ticket_queue (next_due_at, ticket_id, tier, type, status, channel, risk, risk_changes_at);
CREATE INDEX ticket_queue_assignee_idx
    ON ticket_queue (assignee, next_due_at, ticket_id, tier, type, status, channel, risk, risk_changes_at);
CREATE INDEX ticket_queue_risk_idx
    ON ticket_queue (risk, next_due_at, ticket_id, risk_changes_at, tier, type, status, channel);
CREATE INDEX ticket_queue_tier_idx
    ON ticket_queue (tier, next_due_at, ticket_id, type, status, channel, risk, risk_changes_at);
CREATE INDEX ticket_queue_status_idx
    ON ticket_queue (status, next_due_at, ticket_id, tier, type, channel, risk, risk_changes_at);
CREATE INDEX ticket_queue_tier_risk_idx
    ON ticket_queue (tier, risk, next_due_at, ticket_id, risk_changes_at, type, status, channel);
CREATE INDEX ticket_queue_risk_changes_idx
    ON ticket_queue (risk_changes_at, breach_at, tier, type, status, channel, assignee, next_due_at, ticket_id);

-- The open tickets of today, from their stored targets: a breached target counts from its due instant, a paused one
-- is never breached unless it already is; the risk is the one they have now.
INSERT INTO ticket_queue (ticket_id, assignee, tier, type, status, channel, next_target, next_due_at, next_paused,
                          at_risk_at, breach_at, risk, risk_changes_at)
SELECT ticket_id, assignee, tier, type, status, channel, next_target, next_due_at, next_paused, at_risk_at, breach_at,
       CASE WHEN breach_at <= CURRENT_TIMESTAMP THEN 2 WHEN at_risk_at <= CURRENT_TIMESTAMP THEN 1 ELSE 0 END,
       CASE WHEN breach_at <= CURRENT_TIMESTAMP THEN NULL WHEN at_risk_at <= CURRENT_TIMESTAMP THEN breach_at
            ELSE at_risk_at END
  FROM (SELECT t.id AS ticket_id, t.assignee, t.tier, t.type, t.status, t.channel, n.target AS next_target,
               n.due_at AS next_due_at, n.paused AS next_paused, r.at_risk_at, r.breach_at
          FROM ticket t
          JOIN ticket_sla_target n ON n.ticket_id = t.id AND n.running
          JOIN (SELECT ticket_id,
                       MIN(CASE WHEN status = 'BREACHED' THEN due_at ELSE at_risk_at END) AS at_risk_at,
                       MIN(CASE WHEN status = 'BREACHED' OR NOT paused THEN due_at END) AS breach_at
                  FROM ticket_sla_target WHERE running GROUP BY ticket_id) r ON r.ticket_id = t.id
         WHERE t.status NOT IN ('SOLVED', 'CLOSED')
           AND NOT EXISTS (SELECT 1 FROM ticket_sla_target e
                            WHERE e.ticket_id = n.ticket_id AND e.running
                              AND (e.due_at < n.due_at OR (e.due_at = n.due_at AND e.target < n.target)))) p;
