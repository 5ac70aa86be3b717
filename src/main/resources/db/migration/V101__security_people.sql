-- People at work: the teams they belong to, the skills they bring (ticket types and languages), their own daily
-- ticket cap (NULL: the configured default) and their presence, which the console and the API keep up to date.
ALTER TABLE user_account ADD COLUMN daily_cap INTEGER;
ALTER TABLE user_account ADD CONSTRAINT user_account_daily_cap_check CHECK (daily_cap IS NULL OR daily_cap BETWEEN 0 AND 1000);
ALTER TABLE user_account ADD COLUMN presence VARCHAR(16) DEFAULT 'SIGNED_OUT' NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_presence_check CHECK (presence IN ('SIGNED_OUT', 'AVAILABLE', 'AWAY'));
ALTER TABLE user_account ADD COLUMN presence_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX user_account_presence_idx ON user_account (presence);

CREATE TABLE account_team (
    username VARCHAR(64) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    team     VARCHAR(60) NOT NULL,
    PRIMARY KEY (username, team)
);

CREATE TABLE account_skill (
    username VARCHAR(64) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    kind     VARCHAR(16) NOT NULL,
    code     VARCHAR(40) NOT NULL,
    PRIMARY KEY (username, kind, code),
    CONSTRAINT account_skill_kind_check CHECK (kind IN ('TICKET_TYPE', 'LANGUAGE'))
);
CREATE INDEX account_skill_by_code_idx ON account_skill (kind, code);
