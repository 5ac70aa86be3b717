-- No two accounts share an email address, whatever its case: H2 indexes no expression, so the lowercase address is a
-- generated column (PostgreSQL indexes LOWER(email) instead).
ALTER TABLE user_account ADD COLUMN email_key VARCHAR(254) GENERATED ALWAYS AS (LOWER(email));
CREATE UNIQUE INDEX user_account_email_key ON user_account (email_key);
