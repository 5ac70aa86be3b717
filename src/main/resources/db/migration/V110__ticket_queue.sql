-- The queue's risk filter needs, for each running target, when it becomes at risk and whether its clock is paused:
-- a running clock is breached once its due instant has passed and at risk once at_risk_at has, unless it is paused
-- (a paused clock's due instant moves on with the pause). The queue walks running targets by (running, due_at).
ALTER TABLE ticket_sla_target ADD COLUMN at_risk_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ticket_sla_target ADD COLUMN paused BOOLEAN DEFAULT FALSE NOT NULL;
