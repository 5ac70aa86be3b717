package com.tierdesk.sla;

/** What a date is on a business calendar. */
public enum DayKind {
    /** A day of the weekly hours. */
    WORKDAY,
    /** A day without weekly hours. */
    WEEKEND,
    /** A public holiday: no working time whatever the weekday. */
    HOLIDAY,
    /** A make-up working day (调休上班日): a weekend day worked with a standard day's hours. */
    MAKEUP_WORKDAY
}
