-- The SLA policy matrix, versioned: a ticket keeps the version it started under, an edit adds a version.
-- A row is one cell tier x ticket type (x priority; NULL = every priority) x target, with its duration in
-- seconds and the calendar it counts on. live_chat_first_reply_seconds is the channel rule: a live chat gets a
-- first chat reply within that time while agents are online.
CREATE TABLE sla_policy_version (
    version                       INTEGER                  NOT NULL PRIMARY KEY,
    created_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by                    VARCHAR(100)             NOT NULL,
    note                          VARCHAR(500)             NOT NULL,
    live_chat_first_reply_seconds BIGINT                   NOT NULL,
    CONSTRAINT sla_policy_version_live_chat_check CHECK (live_chat_first_reply_seconds > 0)
);

CREATE TABLE sla_policy_row (
    version          INTEGER     NOT NULL REFERENCES sla_policy_version (version),
    position         INTEGER     NOT NULL,
    tier             VARCHAR(32) NOT NULL,
    ticket_type      VARCHAR(32) NOT NULL,
    priority         VARCHAR(16),
    target           VARCHAR(32) NOT NULL,
    duration_seconds BIGINT      NOT NULL,
    calendar_code    VARCHAR(64) NOT NULL REFERENCES sla_calendar (code),
    PRIMARY KEY (version, position),
    CONSTRAINT sla_policy_row_duration_check CHECK (duration_seconds > 0)
);

-- Version 1: the shipped default matrix (SPEC section 3). VIP counts on 24x7, the other tiers on business
-- hours; a return/exchange decision is due 24 calendar hours after the request for every tier.
INSERT INTO sla_policy_version (version, created_at, created_by, note, live_chat_first_reply_seconds) VALUES
    (1, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'system', 'Shipped default matrix', 30);

INSERT INTO sla_policy_row (version, position, tier, ticket_type, priority, target, duration_seconds, calendar_code) VALUES
    (1, 0, 'VIP', 'INQUIRY', NULL, 'FIRST_RESPONSE', 3600, '24x7'),
    (1, 1, 'VIP', 'INQUIRY', NULL, 'RESOLUTION', 14400, '24x7'),
    (1, 2, 'VIP', 'TECHNICAL_ISSUE', NULL, 'FIRST_RESPONSE', 3600, '24x7'),
    (1, 3, 'VIP', 'TECHNICAL_ISSUE', NULL, 'RESOLUTION', 14400, '24x7'),
    (1, 4, 'VIP', 'COMPLAINT', NULL, 'FIRST_RESPONSE', 1800, '24x7'),
    (1, 5, 'VIP', 'COMPLAINT', NULL, 'RESOLUTION', 7200, '24x7'),
    (1, 6, 'VIP', 'COMPLAINT', NULL, 'PERIODIC_UPDATE', 3600, '24x7'),
    (1, 7, 'VIP', 'URGENT_REQUEST', NULL, 'FIRST_RESPONSE', 900, '24x7'),
    (1, 8, 'VIP', 'URGENT_REQUEST', NULL, 'RESOLUTION', 7200, '24x7'),
    (1, 9, 'VIP', 'RETURN_EXCHANGE', NULL, 'FIRST_RESPONSE', 3600, '24x7'),
    (1, 10, 'VIP', 'RETURN_EXCHANGE', NULL, 'RETURN_DECISION', 86400, '24x7'),
    (1, 11, 'KEY', 'INQUIRY', NULL, 'FIRST_RESPONSE', 28800, 'business'),
    (1, 12, 'KEY', 'INQUIRY', NULL, 'RESOLUTION', 86400, 'business'),
    (1, 13, 'KEY', 'TECHNICAL_ISSUE', NULL, 'FIRST_RESPONSE', 28800, 'business'),
    (1, 14, 'KEY', 'TECHNICAL_ISSUE', NULL, 'RESOLUTION', 86400, 'business'),
    (1, 15, 'KEY', 'COMPLAINT', NULL, 'FIRST_RESPONSE', 3600, 'business'),
    (1, 16, 'KEY', 'COMPLAINT', NULL, 'RESOLUTION', 28800, 'business'),
    (1, 17, 'KEY', 'URGENT_REQUEST', NULL, 'FIRST_RESPONSE', 3600, 'business'),
    (1, 18, 'KEY', 'URGENT_REQUEST', NULL, 'RESOLUTION', 28800, 'business'),
    (1, 19, 'KEY', 'RETURN_EXCHANGE', NULL, 'FIRST_RESPONSE', 28800, 'business'),
    (1, 20, 'KEY', 'RETURN_EXCHANGE', NULL, 'RETURN_DECISION', 86400, '24x7'),
    (1, 21, 'REGULAR', 'INQUIRY', NULL, 'FIRST_RESPONSE', 86400, 'business'),
    (1, 22, 'REGULAR', 'INQUIRY', NULL, 'RESOLUTION', 172800, 'business'),
    (1, 23, 'REGULAR', 'TECHNICAL_ISSUE', NULL, 'FIRST_RESPONSE', 86400, 'business'),
    (1, 24, 'REGULAR', 'TECHNICAL_ISSUE', NULL, 'RESOLUTION', 172800, 'business'),
    (1, 25, 'REGULAR', 'COMPLAINT', NULL, 'FIRST_RESPONSE', 7200, 'business'),
    (1, 26, 'REGULAR', 'COMPLAINT', NULL, 'RESOLUTION', 86400, 'business'),
    (1, 27, 'REGULAR', 'URGENT_REQUEST', NULL, 'FIRST_RESPONSE', 7200, 'business'),
    (1, 28, 'REGULAR', 'URGENT_REQUEST', NULL, 'RESOLUTION', 86400, 'business'),
    (1, 29, 'REGULAR', 'RETURN_EXCHANGE', NULL, 'FIRST_RESPONSE', 86400, 'business'),
    (1, 30, 'REGULAR', 'RETURN_EXCHANGE', NULL, 'RETURN_DECISION', 86400, '24x7'),
    (1, 31, 'WATCH', 'INQUIRY', NULL, 'FIRST_RESPONSE', 172800, 'business'),
    (1, 32, 'WATCH', 'INQUIRY', NULL, 'RESOLUTION', 259200, 'business'),
    (1, 33, 'WATCH', 'TECHNICAL_ISSUE', NULL, 'FIRST_RESPONSE', 172800, 'business'),
    (1, 34, 'WATCH', 'TECHNICAL_ISSUE', NULL, 'RESOLUTION', 259200, 'business'),
    (1, 35, 'WATCH', 'COMPLAINT', NULL, 'FIRST_RESPONSE', 14400, 'business'),
    (1, 36, 'WATCH', 'COMPLAINT', NULL, 'RESOLUTION', 172800, 'business'),
    (1, 37, 'WATCH', 'URGENT_REQUEST', NULL, 'FIRST_RESPONSE', 14400, 'business'),
    (1, 38, 'WATCH', 'URGENT_REQUEST', NULL, 'RESOLUTION', 172800, 'business'),
    (1, 39, 'WATCH', 'RETURN_EXCHANGE', NULL, 'FIRST_RESPONSE', 172800, 'business'),
    (1, 40, 'WATCH', 'RETURN_EXCHANGE', NULL, 'RETURN_DECISION', 86400, '24x7');
