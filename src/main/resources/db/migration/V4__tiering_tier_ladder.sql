-- The tier ladder: the tiers customers are graded into, best first, with their names in the console.
-- Scoring models decide who reaches which tier; other modules (SLA policies, care plans) key on the code.
CREATE TABLE tier (
    code     VARCHAR(32)  NOT NULL PRIMARY KEY,
    position INTEGER      NOT NULL,
    name_zh  VARCHAR(64)  NOT NULL,
    name_en  VARCHAR(64)  NOT NULL,
    CONSTRAINT tier_position_unique UNIQUE (position),
    CONSTRAINT tier_code_check CHECK (code = UPPER(code))
);

INSERT INTO tier (code, position, name_zh, name_en) VALUES
    ('VIP', 1, 'VIP 客户', 'VIP'),
    ('KEY', 2, '重点客户', 'Key'),
    ('REGULAR', 3, '普通客户', 'Regular'),
    ('WATCH', 4, '观察客户', 'Watch');
