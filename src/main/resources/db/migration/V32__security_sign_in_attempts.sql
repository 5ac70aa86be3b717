-- Failed sign-ins per account name and per client address, and invalid API tokens per address, shared by every
-- instance: after a few an attempt must wait, after more it is locked (docs/operations.md, "Sign-in throttling").
-- kind: ACCOUNT, ADDRESS or TOKEN_ADDRESS. An admitted sign-in counts as failed until it succeeds.
CREATE TABLE sign_in_attempt (
    kind            VARCHAR(16)  NOT NULL,
    subject         VARCHAR(100) NOT NULL,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sign_in_attempt_pk PRIMARY KEY (kind, subject),
    CONSTRAINT sign_in_attempt_kind_check CHECK (kind IN ('ACCOUNT', 'ADDRESS', 'TOKEN_ADDRESS'))
);
CREATE INDEX sign_in_attempt_last_failure_idx ON sign_in_attempt (last_failure_at);
