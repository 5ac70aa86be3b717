package com.tierdesk.sla.internal;

import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.CalendarDay;
import com.tierdesk.sla.DayKind;
import com.tierdesk.sla.HolidayYear;
import com.tierdesk.sla.WeeklyHours;
import com.tierdesk.sla.WorkingPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Business calendars in sla_calendar and its period, year and day tables. */
@Repository
public class CalendarRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CalendarRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public List<String> codes() {
        return jdbc.sql("SELECT code FROM sla_calendar ORDER BY always_open, code").query(String.class).list();
    }

    /** Every calendar's code with the version its last write gave it. */
    public Map<String, Long> versions() {
        var versions = new HashMap<String, Long>();
        jdbc.sql("SELECT code, version FROM sla_calendar").query(rs -> {
            versions.put(rs.getString(1), rs.getLong(2));
        });
        return versions;
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM sla_calendar WHERE code = ?").param(code).query(Long.class).single() > 0;
    }

    public Optional<BusinessCalendar> find(String code) {
        record Head(String name, String zone, boolean alwaysOpen, String country) {
        }
        Optional<Head> head = jdbc.sql("SELECT name, time_zone, always_open, country FROM sla_calendar WHERE code = ?")
                .param(code)
                .query((rs, row) -> new Head(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        if (head.get().alwaysOpen()) {
            return Optional.of(BusinessCalendar.twentyFourSeven(code, head.get().name()));
        }
        Map<DayOfWeek, List<WorkingPeriod>> periods = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("SELECT day_of_week, from_second, to_second FROM sla_calendar_period WHERE calendar_code = ? "
                        + "ORDER BY day_of_week, from_second").param(code)
                .query(rs -> {
                    periods.computeIfAbsent(DayOfWeek.of(rs.getInt(1)), d -> new ArrayList<>())
                            .add(new WorkingPeriod(rs.getInt(2), rs.getInt(3)));
                });
        List<CalendarDay> days = jdbc.sql("SELECT on_date, kind, name FROM sla_calendar_day WHERE calendar_code = ? "
                        + "ORDER BY on_date").param(code)
                .query((rs, row) -> new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
        List<HolidayYear> years = jdbc.sql("SELECT holiday_year, source FROM sla_calendar_year WHERE calendar_code = ? "
                        + "ORDER BY holiday_year").param(code)
                .query((rs, row) -> new HolidayYear(rs.getInt(1), rs.getString(2))).list();
        return Optional.of(BusinessCalendar.of(code, head.get().name(), ZoneId.of(head.get().zone()),
                new WeeklyHours(periods), days, years).withCountry(head.get().country()));
    }

    public void insert(String code, String name, ZoneId zone, String country, WeeklyHours hours, String user,
            Instant now) {
        jdbc.sql("""
                INSERT INTO sla_calendar (code, name, time_zone, country, always_open, version, updated_at, updated_by)
                VALUES (?, ?, ?, ?, FALSE, 0, ?, ?)""")
                .params(code, name, zone.getId(), country, JdbcTimestamps.toColumn(now), user).update();
        insertPeriods(code, hours);
    }

    public void update(String code, String name, ZoneId zone, String country, WeeklyHours hours, String user,
            Instant now) {
        jdbc.sql("UPDATE sla_calendar SET name = ?, time_zone = ?, country = ?, version = version + 1, updated_at = ?, "
                        + "updated_by = ? WHERE code = ?")
                .params(name, zone.getId(), country, JdbcTimestamps.toColumn(now), user, code).update();
        jdbc.sql("DELETE FROM sla_calendar_period WHERE calendar_code = ?").param(code).update();
        insertPeriods(code, hours);
    }

    /** Replaces the days of the given years with {@code days}, and records each year's source. */
    public void replaceYears(String code, Map<Integer, String> sources, Collection<CalendarDay> days, String user,
            Instant now) {
        for (Map.Entry<Integer, String> year : sources.entrySet()) {
            jdbc.sql("DELETE FROM sla_calendar_day WHERE calendar_code = ? AND on_date BETWEEN ? AND ?")
                    .params(code, LocalDate.of(year.getKey(), 1, 1), LocalDate.of(year.getKey(), 12, 31)).update();
            jdbc.sql("DELETE FROM sla_calendar_year WHERE calendar_code = ? AND holiday_year = ?")
                    .params(code, year.getKey()).update();
            jdbc.sql("INSERT INTO sla_calendar_year (calendar_code, holiday_year, source) VALUES (?, ?, ?)")
                    .params(code, year.getKey(), year.getValue()).update();
        }
        var batch = new ArrayList<Object[]>();
        for (CalendarDay day : days) {
            batch.add(new Object[] {code, day.date(), day.kind().name(), day.name()});
        }
        template.batchUpdate("INSERT INTO sla_calendar_day (calendar_code, on_date, kind, name) VALUES (?, ?, ?, ?)", batch);
        jdbc.sql("UPDATE sla_calendar SET version = version + 1, updated_at = ?, updated_by = ? WHERE code = ?")
                .params(JdbcTimestamps.toColumn(now), user, code).update();
    }

    private void insertPeriods(String code, WeeklyHours hours) {
        var batch = new ArrayList<Object[]>();
        hours.days().forEach((day, periods) -> periods.forEach(period ->
                batch.add(new Object[] {code, day.getValue(), period.fromSecond(), period.toSecond()})));
        template.batchUpdate("INSERT INTO sla_calendar_period (calendar_code, day_of_week, from_second, to_second) "
                + "VALUES (?, ?, ?, ?)", batch);
    }
}
