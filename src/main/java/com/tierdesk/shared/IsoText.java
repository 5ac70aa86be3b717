package com.tierdesk.shared;

/**
 * Writes ISO-8601 dates and clock times into a StringBuilder without java.time formatters, whose
 * cost exceeds the rest of a row when bulk work writes tens of millions of timestamps.
 */
public final class IsoText {

    private IsoText() {
    }

    /** {@code yyyy-MM-dd} of a day count from 1970-01-01 (H. Hinnant's days-to-civil algorithm), years 0000-9999. */
    public static void appendDate(StringBuilder text, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " does not fit yyyy");
        }
        four(text, (int) year);
        text.append('-');
        two(text, month);
        text.append('-');
        two(text, day);
    }

    /** {@code HH:mm:ss} of a second of the day. */
    public static void appendClock(StringBuilder text, int secondOfDay) {
        two(text, secondOfDay / 3600);
        text.append(':');
        two(text, secondOfDay / 60 % 60);
        text.append(':');
        two(text, secondOfDay % 60);
    }

    private static void four(StringBuilder text, int value) {
        two(text, value / 100);
        two(text, value % 100);
    }

    private static void two(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
