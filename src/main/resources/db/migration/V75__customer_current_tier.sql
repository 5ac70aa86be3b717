-- Each customer's current tier as the customer module knows it: the latest entry of its own tier timeline
-- (customer_tier_timeline, fed by the tiering module's events), kept by the same writes that add timeline entries, so
-- that the customer list filters by tier with an index instead of finding every customer's latest entry. The tier is
-- null after an override ended for a customer no run had assessed. No foreign key, as for the timeline: rows are
-- written only for existing customers, up to a million at a time.
CREATE TABLE customer_current_tier (
    customer_id BIGINT NOT NULL PRIMARY KEY,
    tier        VARCHAR(32),
    since       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX customer_current_tier_tier_idx ON customer_current_tier (tier, customer_id);

INSERT INTO customer_current_tier (customer_id, tier, since)
SELECT latest.customer_id, latest.tier, latest.changed_at
  FROM (SELECT t.customer_id, t.tier, t.changed_at,
               ROW_NUMBER() OVER (PARTITION BY t.customer_id ORDER BY t.changed_at DESC, t.cause_id DESC) AS position
          FROM customer_tier_timeline t) latest
 WHERE latest.position = 1;
