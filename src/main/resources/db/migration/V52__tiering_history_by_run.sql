-- A run changes a customer's tier at most once: the run's changes are read in pages by customer id (listeners of a
-- publication), and the key keeps a run from being written twice. Overrides' rows have no run and are not affected.
DROP INDEX tier_history_run_idx;
CREATE UNIQUE INDEX tier_history_run_customer_idx ON tier_history (run_id, customer_id);
