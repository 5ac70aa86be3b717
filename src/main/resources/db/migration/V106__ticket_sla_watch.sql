-- The SLA watcher: each ticket's next wake (the db-scheduler task waiting for it is named after it), the at-risk and
-- breached transitions it recorded, and the escalation steps it took: one row per ticket, target and level, so that
-- no step is taken twice however many instances watch.
CREATE TABLE ticket_sla_watch (
    ticket_id BIGINT NOT NULL PRIMARY KEY REFERENCES ticket (id),
    wake_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ticket_sla_alert (
    ticket_id BIGINT      NOT NULL REFERENCES ticket (id),
    target    VARCHAR(32) NOT NULL,
    status    VARCHAR(16) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, target, status)
);

CREATE TABLE ticket_escalation_step (
    ticket_id BIGINT      NOT NULL REFERENCES ticket (id),
    target    VARCHAR(32) NOT NULL,
    level     INTEGER     NOT NULL,
    action    VARCHAR(32) NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, target, level)
);
