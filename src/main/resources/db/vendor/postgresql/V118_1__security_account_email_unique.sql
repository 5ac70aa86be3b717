-- No two accounts share an email address, whatever its case.
CREATE UNIQUE INDEX user_account_email_key ON user_account (LOWER(email));
