package com.tierdesk.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The periods that activity figures as of a date D cover: the window W of the {@value #MONTHS} complete
 * months before D's month, and everything up to the end of D. Months are business months (the time zone
 * of the business), so a figure as of any day of a month counts the same orders, and a run as of today
 * agrees with a run as of the same date later on.
 *
 * @param firstMonth  the oldest month of W
 * @param lastMonth   the latest month of W, the one before D's month
 * @param windowStart the first instant of W
 * @param windowEnd   the first instant after W (the start of D's month)
 * @param cut         the first instant after D: nothing from then on counts
 */
public record ActivityWindow(LocalDate asOf, YearMonth firstMonth, YearMonth lastMonth, Instant windowStart,
        Instant windowEnd, Instant cut) {

    public static final int MONTHS = 12;

    public static ActivityWindow asOf(LocalDate asOf, ZoneId zone) {
        YearMonth month = YearMonth.from(asOf);
        YearMonth first = month.minusMonths(MONTHS);
        return new ActivityWindow(asOf, first, month.minusMonths(1), first.atDay(1).atStartOfDay(zone).toInstant(),
                month.atDay(1).atStartOfDay(zone).toInstant(), asOf.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The month of D, which W ends just before. */
    public YearMonth month() {
        return lastMonth.plusMonths(1);
    }
}
