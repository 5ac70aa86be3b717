package com.tierdesk.sla.web;

import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.CalendarDay;
import com.tierdesk.sla.HolidayYear;
import com.tierdesk.sla.WeeklyHours;
import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A calendar as the API shows it: weekly hours as text per weekday, the country whose holidays it keeps (null if
 * none), the years with holiday data and their sources.
 */
record CalendarView(String code, String name, String zone, String country, boolean alwaysOpen,
                    Map<DayOfWeek, String> hours, List<HolidayYear> years, int days) {

    static CalendarView of(BusinessCalendar calendar) {
        var hours = new LinkedHashMap<DayOfWeek, String>();
        if (!calendar.alwaysOpen()) {
            calendar.hours().days().forEach((day, periods) -> hours.put(day, WeeklyHours.text(periods)));
        }
        return new CalendarView(calendar.code(), calendar.name(), calendar.alwaysOpen() ? "-" : calendar.zone().getId(),
                calendar.country().orElse(null), calendar.alwaysOpen(), hours, List.copyOf(calendar.years()), calendar.days().size());
    }

    /** One year of a calendar: whether it has holiday data (without it only weekends are off), and its days. */
    record Year(String calendar, int year, boolean hasData, String source, String warning, List<CalendarDay> days) {

        static Year of(BusinessCalendar calendar, int year) {
            boolean data = calendar.hasDataFor(year);
            return new Year(calendar.code(), year, data, calendar.year(year).map(HolidayYear::source).orElse(null),
                    data ? null : "no holiday data for " + year + ": only weekends are off",
                    calendar.days().values().stream().filter(day -> day.date().getYear() == year).toList());
        }
    }
}
