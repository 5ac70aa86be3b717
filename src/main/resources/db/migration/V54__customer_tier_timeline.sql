-- The customer's own timeline of tier changes, fed by the tiering module's events (never read from tiering's
-- tables): what changed when, and why (an assessment run, an override in force, an override ended). One row per
-- cause, so that an event delivered twice records nothing twice. No foreign key to customer: rows are written only
-- for existing customers, a million at a time, and the key's check per row cost a third of that; a customer's
-- erasure deletes their rows.
CREATE TABLE customer_tier_timeline (
    customer_id   BIGINT      NOT NULL,
    cause         VARCHAR(16) NOT NULL,
    cause_id      BIGINT      NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    tier          VARCHAR(32),
    previous_tier VARCHAR(32),
    PRIMARY KEY (customer_id, cause, cause_id),
    CONSTRAINT customer_tier_timeline_cause_check CHECK (cause IN ('ASSESSMENT', 'OVERRIDE', 'OVERRIDE_ENDED'))
);
