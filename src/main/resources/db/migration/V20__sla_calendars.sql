-- Business calendars for SLA deadlines: weekly working periods in a time zone (several a day for split shifts
-- and lunch breaks), holidays and make-up working days per date, and the years whose holiday data is known with
-- its source. A 24x7 calendar counts every second and has no periods or days.
CREATE TABLE sla_calendar (
    code        VARCHAR(64)              NOT NULL PRIMARY KEY,
    name        VARCHAR(200)             NOT NULL,
    time_zone   VARCHAR(64)              NOT NULL,
    always_open BOOLEAN                  NOT NULL,
    version     BIGINT                   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(100)             NOT NULL,
    CONSTRAINT sla_calendar_code_check CHECK (code = LOWER(code))
);

-- day_of_week: 1 = Monday … 7 = Sunday (ISO); seconds from local midnight, to_second up to 86400 (24:00).
CREATE TABLE sla_calendar_period (
    calendar_code VARCHAR(64) NOT NULL REFERENCES sla_calendar (code),
    day_of_week   SMALLINT    NOT NULL,
    from_second   INTEGER     NOT NULL,
    to_second     INTEGER     NOT NULL,
    PRIMARY KEY (calendar_code, day_of_week, from_second),
    CONSTRAINT sla_calendar_period_day_check CHECK (day_of_week BETWEEN 1 AND 7),
    CONSTRAINT sla_calendar_period_range_check CHECK (from_second >= 0 AND to_second > from_second AND to_second <= 86400)
);

CREATE TABLE sla_calendar_year (
    calendar_code VARCHAR(64)  NOT NULL REFERENCES sla_calendar (code),
    holiday_year  INTEGER      NOT NULL,
    source        VARCHAR(500) NOT NULL,
    PRIMARY KEY (calendar_code, holiday_year)
);

CREATE TABLE sla_calendar_day (
    calendar_code VARCHAR(64)  NOT NULL REFERENCES sla_calendar (code),
    on_date       DATE         NOT NULL,
    kind          VARCHAR(20)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    PRIMARY KEY (calendar_code, on_date),
    CONSTRAINT sla_calendar_day_kind_check CHECK (kind IN ('HOLIDAY', 'MAKEUP_WORKDAY'))
);

INSERT INTO sla_calendar (code, name, time_zone, always_open, version, updated_at, updated_by) VALUES
    ('business', '工作日 Business hours', 'Asia/Shanghai', FALSE, 0, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'system'),
    ('24x7', '全天候 24×7', 'UTC', TRUE, 0, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'system');

-- business: Monday to Friday 09:00-18:00.
INSERT INTO sla_calendar_period (calendar_code, day_of_week, from_second, to_second) VALUES
    ('business', 1, 32400, 64800),
    ('business', 2, 32400, 64800),
    ('business', 3, 32400, 64800),
    ('business', 4, 32400, 64800),
    ('business', 5, 32400, 64800);
