-- The watcher's alerts and escalation steps count per cycle of a target: a reopened ticket's resolution, a new
-- next reply or periodic update is a new cycle, whose at risk, breach and steps come again (a cycle a tier change
-- took over stays the same cycle). The tables are rebuilt with the cycle in their keys, the rows recorded so far
-- as the first cycle, so that no step is taken twice within one cycle however many instances watch.
CREATE TABLE ticket_sla_cycle_alert (
    ticket_id BIGINT      NOT NULL REFERENCES ticket (id),
    target    VARCHAR(32) NOT NULL,
    cycle     INTEGER     NOT NULL,
    status    VARCHAR(16) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_sla_alert_by_cycle_pk PRIMARY KEY (ticket_id, target, cycle, status)
);
INSERT INTO ticket_sla_cycle_alert (ticket_id, target, cycle, status, at)
SELECT ticket_id, target, 0, status, at FROM ticket_sla_alert;
DROP TABLE ticket_sla_alert;
ALTER TABLE ticket_sla_cycle_alert RENAME TO ticket_sla_alert;

CREATE TABLE ticket_escalation_cycle_step (
    ticket_id BIGINT      NOT NULL REFERENCES ticket (id),
    target    VARCHAR(32) NOT NULL,
    cycle     INTEGER     NOT NULL,
    level     INTEGER     NOT NULL,
    action    VARCHAR(32) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ticket_escalation_step_by_cycle_pk PRIMARY KEY (ticket_id, target, cycle, level)
);
INSERT INTO ticket_escalation_cycle_step (ticket_id, target, cycle, level, action, at)
SELECT ticket_id, target, 0, level, action, at FROM ticket_escalation_step;
DROP TABLE ticket_escalation_step;
ALTER TABLE ticket_escalation_cycle_step RENAME TO ticket_escalation_step;
