-- A token's scope: API (acts with a role) or METRICS (reads /actuator/prometheus only and has no role).
ALTER TABLE api_token ADD COLUMN scope VARCHAR(16) DEFAULT 'API' NOT NULL;
ALTER TABLE api_token ALTER COLUMN role DROP NOT NULL;
ALTER TABLE api_token ADD CONSTRAINT api_token_scope_check
    CHECK ((scope = 'API' AND role IS NOT NULL) OR (scope = 'METRICS' AND role IS NULL));
