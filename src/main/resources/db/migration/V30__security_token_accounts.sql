-- Every API token acts as an account (docs/operations.md, "Accounts and tokens"). An account is a person, who signs
-- in with a password, or a service account for an integration, which has no password and acts only through its tokens.
ALTER TABLE user_account ADD COLUMN kind VARCHAR(16) DEFAULT 'PERSON' NOT NULL;
ALTER TABLE user_account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_kind_check CHECK (kind IN ('PERSON', 'SERVICE'));
ALTER TABLE user_account ADD CONSTRAINT user_account_password_check
    CHECK ((kind = 'PERSON' AND password_hash IS NOT NULL) OR (kind = 'SERVICE' AND password_hash IS NULL));

ALTER TABLE api_token ADD COLUMN account VARCHAR(64);

-- Existing tokens: a token goes to the account that issued it. A token issued through the API by another token
-- (created_by 'token:<prefix>') goes where that token goes, up the chain. A token whose first issuer is not an
-- account (issued from the command line by a system user) becomes a service account of its own, named as the
-- token acted until now ('token:<prefix>'), with the token's name and role, so that before and after this
-- migration what it did is recorded under one name.
CREATE TABLE api_token_issuer (token_id BIGINT NOT NULL PRIMARY KEY, root_id BIGINT NOT NULL);

INSERT INTO api_token_issuer (token_id, root_id)
WITH RECURSIVE chain (token_id, current_id, depth) AS (
    SELECT id, id, 0 FROM api_token
    UNION ALL
    SELECT chain.token_id, issuer.id, chain.depth + 1
      FROM chain
      JOIN api_token issued ON issued.id = chain.current_id
      JOIN api_token issuer ON issued.created_by = 'token:' || issuer.prefix
     WHERE chain.depth < 100
)
SELECT token_id, current_id FROM chain
 WHERE depth = (SELECT MAX(deeper.depth) FROM chain deeper WHERE deeper.token_id = chain.token_id);

INSERT INTO user_account (username, display_name, password_hash, role, enabled, created_at, kind)
SELECT 'token:' || root.prefix, root.name, NULL, root.role, TRUE, root.created_at, 'SERVICE'
  FROM api_token root
 WHERE root.id IN (SELECT root_id FROM api_token_issuer)
   AND root.created_by NOT IN (SELECT username FROM user_account);

UPDATE api_token SET account = (
    SELECT COALESCE(person.username, 'token:' || root.prefix)
      FROM api_token_issuer issuer
      JOIN api_token root ON root.id = issuer.root_id
      LEFT JOIN user_account person ON person.username = root.created_by AND person.kind = 'PERSON'
     WHERE issuer.token_id = api_token.id);

INSERT INTO audit_event (occurred_at, actor, action, subject, detail)
SELECT CURRENT_TIMESTAMP, 'system', 'API_TOKEN_ATTACHED', 'api-token:' || prefix, 'account=' || account
  FROM api_token;

DROP TABLE api_token_issuer;

ALTER TABLE api_token ALTER COLUMN account SET NOT NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_account_fk FOREIGN KEY (account) REFERENCES user_account (username);
CREATE INDEX api_token_account_idx ON api_token (account);
