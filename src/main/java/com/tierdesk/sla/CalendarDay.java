package com.tierdesk.sla;

import java.time.LocalDate;
import java.util.Objects;

/** A dated exception to the weekly hours: a holiday or a make-up working day, with its name. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        if (kind != DayKind.HOLIDAY && kind != DayKind.MAKEUP_WORKDAY) {
            throw new IllegalArgumentException("a calendar day is a holiday or a make-up working day, not " + kind);
        }
        name = name == null ? "" : name.strip();
    }
}
