-- A ticket's history as the SLA clock reads it (replayed after every change), and every target's outcome as of the
-- last change, which reports read: open targets by due instant, met and breached ones by tier.
CREATE TABLE ticket_sla_event (
    ticket_id BIGINT      NOT NULL REFERENCES ticket (id),
    position  INTEGER     NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    kind      VARCHAR(32) NOT NULL,
    tier      VARCHAR(32),
    PRIMARY KEY (ticket_id, position)
);

CREATE TABLE ticket_sla_target (
    ticket_id      BIGINT      NOT NULL REFERENCES ticket (id),
    target         VARCHAR(32) NOT NULL,
    tier           VARCHAR(32) NOT NULL,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    achieved_at    TIMESTAMP WITH TIME ZONE,
    paused_seconds BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    running        BOOLEAN     NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, target)
);
CREATE INDEX ticket_sla_target_running_due_idx ON ticket_sla_target (running, due_at);
