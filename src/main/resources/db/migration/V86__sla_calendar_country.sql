-- The country or region a calendar keeps the holidays of (ISO 3166, e.g. CN, DE), so that taking public
-- holidays offers that country rather than the first of the list. Calendars in the time zones of the Chinese
-- mainland are China's; a 24x7 calendar has no holidays and no country.
ALTER TABLE sla_calendar ADD COLUMN country VARCHAR(8);
UPDATE sla_calendar SET country = 'CN'
 WHERE always_open = FALSE AND time_zone IN ('Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'Asia/Urumqi', 'PRC');
