package com.tierdesk.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calendars for tests, built in code: a business calendar with the 2025 Spring Festival, the shipped one, others. */
public final class Calendars {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final BusinessCalendar ALWAYS = BusinessCalendar.twentyFourSeven("24x7", "24x7");

    private static final Path SHIPPED_HOLIDAYS = Path.of("src/main/resources/db/migration/V21__sla_china_holidays_2025_2026.sql");
    private static final Pattern DAY = Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|MAKEUP_WORKDAY)', '([^']*)'");

    private Calendars() {
    }

    /** Mon–Fri 09:00–18:00 Shanghai with the Spring Festival 2025 (1/28–2/4 off, 1/26 and 2/8 worked) and 1 January. */
    public static BusinessCalendar springFestival2025() {
        var days = new ArrayList<CalendarDay>();
        days.add(new CalendarDay(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "元旦"));
        for (LocalDate d = LocalDate.of(2025, 1, 28); !d.isAfter(LocalDate.of(2025, 2, 4)); d = d.plusDays(1)) {
            days.add(new CalendarDay(d, DayKind.HOLIDAY, "春节"));
        }
        days.add(new CalendarDay(LocalDate.of(2025, 1, 26), DayKind.MAKEUP_WORKDAY, "春节调休"));
        days.add(new CalendarDay(LocalDate.of(2025, 2, 8), DayKind.MAKEUP_WORKDAY, "春节调休"));
        return BusinessCalendar.of("business", "Business", SHANGHAI, WeeklyHours.weekdays(WorkingPeriod.of("09:00", "18:00")),
                days, List.of(new HolidayYear(2025, "test data")));
    }

    /**
     * The shipped {@code business} calendar: Mon–Fri 09:00–18:00 Asia/Shanghai with China's 2025 and 2026 holidays and
     * make-up days, read from the migration that ships them.
     */
    public static BusinessCalendar shippedBusiness() {
        var days = new ArrayList<CalendarDay>();
        try {
            Matcher m = DAY.matcher(Files.readString(SHIPPED_HOLIDAYS, StandardCharsets.UTF_8));
            while (m.find()) {
                days.add(new CalendarDay(LocalDate.parse(m.group(1)), DayKind.valueOf(m.group(2)), m.group(3)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (days.size() != 72) {
            throw new IllegalStateException("expected the 61 holidays and 11 make-up days of 2025-2026, read " + days.size());
        }
        return BusinessCalendar.of("business", "business", SHANGHAI, WeeklyHours.weekdays(WorkingPeriod.of("09:00", "18:00")),
                days, List.of(new HolidayYear(2025, "notice"), new HolidayYear(2026, "notice")));
    }

    public static BusinessCalendar weekdays(String zone, WorkingPeriod... periods) {
        return BusinessCalendar.of("test", "Test", ZoneId.of(zone), WeeklyHours.weekdays(periods), List.of(), List.of());
    }

    /** A local time in Shanghai, e.g. {@code 2025-03-07T17:00}. */
    public static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
