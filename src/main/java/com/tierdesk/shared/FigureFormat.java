package com.tierdesk.shared;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Objects;

/**
 * Numbers, money and dates as the reader's language writes them, the same on every page: thousands separators,
 * yuan as {@code ¥1,234.50}, dates as {@code 2026-11-27} in Chinese and {@code 27 Nov 2026} in English, instants
 * in the business time zone. A missing value, or a number that is not one (NaN), is a dash. Templates reach it as {@code #figures} (the root package's
 * {@code FigureDialect}); a controller or the command line can make one for a locale.
 */
public record FigureFormat(Locale locale, ZoneId zone) {

    static final String NONE = "—";

    public FigureFormat {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    /** A count or a measure: separators, at most two decimals ({@code 12,345}, {@code 3.5}). */
    public String number(Number value) {
        return missing(value) ? NONE : decimal("#,##0.##").format(value);
    }

    /** A score or points, always to two decimals ({@code 78.40}, {@code 1,250.00}). */
    public String score(Number value) {
        return missing(value) ? NONE : decimal("#,##0.00").format(value);
    }

    /** A ratio, such as a rate between 0 and 1, to at most three decimals ({@code 0.125}, {@code 1.5}). */
    public String ratio(Number value) {
        return missing(value) ? NONE : decimal("#,##0.###").format(value);
    }

    /** An amount in yuan: the sign, two decimals and separators ({@code ¥12,345.60}, {@code -¥5.00}). */
    public String money(Number value) {
        return missing(value) ? NONE : decimal("¥#,##0.00").format(value);
    }

    /** A share in percent as written ({@code 12.5%}). */
    public String percent(Number value) {
        return missing(value) ? NONE : decimal("#,##0.##").format(value) + "%";
    }

    /** The business date of a date, an instant or a date and time. */
    public String date(Object value) {
        return format(value, chinese() ? "yyyy-MM-dd" : "d MMM yyyy");
    }

    /** The business date and time to the minute of an instant, or a date and time. */
    public String dateTime(Object value) {
        return format(value, chinese() ? "yyyy-MM-dd HH:mm" : "d MMM yyyy, HH:mm");
    }

    /** A calendar month ({@code 2026-11}, {@code Nov 2026}). */
    public String month(YearMonth value) {
        return value == null ? NONE : DateTimeFormatter.ofPattern(chinese() ? "yyyy-MM" : "MMM yyyy", locale).format(value);
    }

    private String format(Object value, String pattern) {
        if (value == null) {
            return NONE;
        }
        TemporalAccessor temporal;
        if (value instanceof Instant instant) {
            temporal = instant.atZone(zone);
        } else if (value instanceof OffsetDateTime time) {
            temporal = time.atZoneSameInstant(zone);
        } else if (value instanceof ZonedDateTime time) {
            temporal = time.withZoneSameInstant(zone);
        } else if (value instanceof LocalDate date) {
            temporal = date;
        } else {
            throw new IllegalArgumentException("not a date: " + value.getClass().getName());
        }
        return DateTimeFormatter.ofPattern(pattern, locale).format(temporal);
    }

    private static boolean missing(Number value) {
        return value == null || (value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN());
    }

    private DecimalFormat decimal(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
    }

    private boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }
}
