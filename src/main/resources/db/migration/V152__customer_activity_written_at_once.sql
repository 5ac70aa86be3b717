-- Writers of orders and interactions now bring their customers' figures up to date in their own transaction and
-- queue a note of it: inline_generation is the snapshot generation they wrote against (NULL: the refresh computes
-- the customer). A refresh that rewrites every row (a new month, a rebuild) starts a new generation, and computes
-- again the customers noted against an older one, whose rows it may have overwritten.
ALTER TABLE customer_activity_stale ADD COLUMN inline_generation BIGINT;
ALTER TABLE customer_activity_state ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
