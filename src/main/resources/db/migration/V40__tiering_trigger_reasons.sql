-- A trigger's reason is kept as figures (JSON, read by the trigger's kind), which the console and the command line
-- put into the reader's language; records from before keep their English sentence in reason. checked_by names who
-- ran the check (system for the daily one); catch_up marks churn warnings for lapses older than the daily check,
-- which a day's allowance caps.
ALTER TABLE tiering_trigger ALTER COLUMN reason DROP NOT NULL;
ALTER TABLE tiering_trigger ADD COLUMN figures VARCHAR(2000);
ALTER TABLE tiering_trigger ADD COLUMN checked_by VARCHAR(64);
ALTER TABLE tiering_trigger ADD COLUMN catch_up BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX tiering_trigger_kind_idx ON tiering_trigger (kind, occurred_at);

-- The daily checks' own row: each step of a check locks it, so that checks running at once on several instances
-- see each other's runs and share one catch-up allowance; it also says when the checks last ran and for whom.
CREATE TABLE tiering_checks (
    id              INTEGER NOT NULL PRIMARY KEY,
    last_checked_at TIMESTAMP WITH TIME ZONE,
    last_checked_by VARCHAR(64),
    CONSTRAINT tiering_checks_single CHECK (id = 1)
);
INSERT INTO tiering_checks (id) VALUES (1);
