package com.tierdesk.sla;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A calendar as a form or the API sends it: code, name, time zone, the country whose holidays it keeps (ISO 3166,
 * optional) and, per weekday ({@code MONDAY} …), its working periods as text such as
 * {@code 09:00-12:00, 13:00-18:00} (empty for a day off).
 */
public record CalendarDraft(String code, String name, String zone, String country, Map<String, String> hours) {

    /** The calendar as it stands, to be edited. */
    public static CalendarDraft of(BusinessCalendar calendar) {
        var hours = new LinkedHashMap<String, String>();
        calendar.hours().days().forEach((day, periods) -> hours.put(day.name(), WeeklyHours.text(periods)));
        return new CalendarDraft(calendar.code(), calendar.name(), calendar.zone().getId(),
                calendar.country().orElse(""), hours);
    }
}
