package com.tierdesk.sla;

/** A year whose holidays and make-up days a calendar holds, and where they come from (e.g. a State Council notice). */
public record HolidayYear(int year, String source) {

    public HolidayYear {
        source = source == null ? "" : source.strip();
    }
}
