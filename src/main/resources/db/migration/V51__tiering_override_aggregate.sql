-- An override's end keeps its own actor and note (revoking no longer overwrites the approver's note), and a customer
-- has at most one open (requested or in force) override: open_customer_id is the customer's id while the override is
-- open and NULL once it is decided against or ended, so a unique key refuses a second one even when two requests race.
ALTER TABLE tier_override ADD COLUMN ended_by VARCHAR(64);
ALTER TABLE tier_override ADD COLUMN end_note VARCHAR(1000);
ALTER TABLE tier_override ADD COLUMN open_customer_id BIGINT;
UPDATE tier_override o SET open_customer_id = customer_id
 WHERE status IN ('REQUESTED', 'ACTIVE')
   AND id = (SELECT MAX(p.id) FROM tier_override p WHERE p.customer_id = o.customer_id AND p.status IN ('REQUESTED', 'ACTIVE'));
ALTER TABLE tier_override ADD CONSTRAINT tier_override_one_open_per_customer UNIQUE (open_customer_id);
