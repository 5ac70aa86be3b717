-- H2 only: where publishing unpacks a run's results (PostgreSQL uses a temporary table per transaction). A table of
-- the schema, because creating a temporary table in H2 locks the schema until the transaction ends, and two runs
-- unpacked at once (an approval during a publication) then timed out. Each transaction removes its run's rows before
-- it commits.
CREATE TABLE publishing_result (
    run_id            BIGINT      NOT NULL,
    customer_id       BIGINT      NOT NULL,
    tier              VARCHAR(32) NOT NULL,
    score             DOUBLE PRECISION,
    downgrade_pending BOOLEAN     NOT NULL,
    previous_tier     VARCHAR(32),
    previous_pending  BOOLEAN     NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);
