package com.tierdesk.sla.web;

import com.tierdesk.sla.BusinessCalendar;
import com.tierdesk.sla.CalendarDay;
import com.tierdesk.sla.DayKind;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** A year of a calendar laid out as twelve month grids (Monday first), each date marked with its kind. */
record YearView(int year, boolean hasData, String source, List<Month> months, List<CalendarDay> days) {

    record Month(YearMonth month, List<List<Cell>> weeks) {
    }

    /** A date of the grid; null date for the blanks before the 1st and after the last day. */
    record Cell(LocalDate date, DayKind kind, String name) {

        public String css() {
            return kind == null ? "blank" : kind.name().toLowerCase().replace('_', '-');
        }
    }

    static YearView of(BusinessCalendar calendar, int year) {
        var months = new ArrayList<Month>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            var weeks = new ArrayList<List<Cell>>();
            var week = new ArrayList<Cell>();
            for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
                week.add(new Cell(null, null, ""));
            }
            for (int d = 1; d <= month.lengthOfMonth(); d++) {
                LocalDate date = month.atDay(d);
                week.add(new Cell(date, calendar.kindOf(date), calendar.day(date).map(CalendarDay::name).orElse("")));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, null, ""));
                }
                weeks.add(week);
            }
            months.add(new Month(month, weeks));
        }
        List<CalendarDay> days = calendar.days().values().stream().filter(day -> day.date().getYear() == year).toList();
        return new YearView(year, calendar.hasDataFor(year), calendar.year(year).map(y -> y.source()).orElse(""),
                months, days);
    }
}
