-- Mail is matched to a customer by its sender's address whatever its case, on every message taken in: the address
-- lower-cased is a generated column with an index, read by the same query on both databases (H2 indexes no
-- expression).
ALTER TABLE customer ADD COLUMN email_key VARCHAR(254) GENERATED ALWAYS AS (LOWER(email)) STORED;
CREATE INDEX customer_email_key_idx ON customer (email_key);
