-- What a run's grading took from its population, kept so that a later run can grade its customers' new figures
-- against it and tell a move caused by other customers from one caused by the customer's own figures: for each
-- metric of a percentile-rank indicator, the population's distinct values in ascending order with how many
-- customers have each (exact: the same ranks as the scorer gives). The quota floors and the BG/NBD parameters
-- are in the run's summary and purchase_model. The cause of each move is kept with the run's results
-- (assessment_result_chunk, chunk format 3), beside the previous published score and the run it came from.
CREATE TABLE assessment_run_distribution (
    run_id    BIGINT      NOT NULL,
    metric    VARCHAR(64) NOT NULL,
    customers INTEGER     NOT NULL,
    data      BYTEA       NOT NULL,
    PRIMARY KEY (run_id, metric)
);
