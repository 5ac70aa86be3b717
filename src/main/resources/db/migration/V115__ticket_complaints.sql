-- The complaint flow: a complaint ticket records its stages in order (record, cause, solution, follow-up), each once
-- with its text, who and when; a complex complaint (flagged, or escalated to a specialist) gets a callback task when
-- it closes.
CREATE TABLE ticket_complaint (
    ticket_id    BIGINT PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    complex      BOOLEAN DEFAULT FALSE NOT NULL,
    specialist   VARCHAR(100),
    escalated_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE ticket_complaint_stage (
    ticket_id   BIGINT         NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    stage       VARCHAR(16)    NOT NULL,
    body        VARCHAR(10000) NOT NULL,
    recorded_by VARCHAR(100)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (ticket_id, stage),
    CONSTRAINT ticket_complaint_stage_check CHECK (stage IN ('RECORD', 'CAUSE', 'SOLUTION', 'FOLLOW_UP'))
);
