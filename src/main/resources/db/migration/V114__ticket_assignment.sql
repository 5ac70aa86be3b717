-- Assignment: how many tickets each person was given on each business day, counted in the assigning transaction so
-- that two tickets assigned at once cannot push a person over their daily cap (the row is the lock). A live chat
-- keeps whether an agent was available when it came in: its 30-second first reply applies only then.
CREATE TABLE ticket_daily_load (
    username     VARCHAR(100) NOT NULL,
    business_day DATE         NOT NULL,
    assigned     INTEGER      NOT NULL,
    PRIMARY KEY (username, business_day)
);
ALTER TABLE ticket ADD COLUMN agents_online_at_intake BOOLEAN DEFAULT FALSE NOT NULL;
