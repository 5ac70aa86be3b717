package com.tierdesk.sla;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Small calendars for tests, built in code: a business calendar with the 2025 Spring Festival and others. */
final class Calendars {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Calendars() {
    }

    /** Mon–Fri 09:00–18:00 Shanghai with the Spring Festival 2025 (1/28–2/4 off, 1/26 and 2/8 worked) and 1 January. */
    static BusinessCalendar springFestival2025() {
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

    static BusinessCalendar weekdays(String zone, WorkingPeriod... periods) {
        return BusinessCalendar.of("test", "Test", ZoneId.of(zone), WeeklyHours.weekdays(periods), List.of(), List.of());
    }
}
