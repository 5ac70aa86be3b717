package com.tierdesk.sla;

import java.util.List;

/** What an import wrote: the years it replaced, with their new holiday and make-up day counts. */
public record HolidayImport(String calendar, String source, List<YearCount> years) {

    public record YearCount(int year, int holidays, int makeupDays) {
    }

    public int holidays() {
        return years.stream().mapToInt(YearCount::holidays).sum();
    }

    public int makeupDays() {
        return years.stream().mapToInt(YearCount::makeupDays).sum();
    }
}
