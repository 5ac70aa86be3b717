package com.tierdesk.demo;

/**
 * Formats epoch seconds as ISO-8601 with the +08:00 offset of China Standard Time (no DST since
 * 1991), without java.time allocation: the generator writes tens of millions of timestamps.
 */
final class CompactTimestamps {

    private static final int OFFSET_SECONDS = 8 * 3600;

    private CompactTimestamps() {
    }

    static void appendChinaTime(StringBuilder out, long epochSecond) {
        long local = epochSecond + OFFSET_SECONDS;
        long days = Math.floorDiv(local, 86_400);
        int secondOfDay = (int) Math.floorMod(local, 86_400);
        appendDate(out, days);
        out.append('T');
        two(out, secondOfDay / 3600);
        out.append(':');
        two(out, secondOfDay / 60 % 60);
        out.append(':');
        two(out, secondOfDay % 60);
        out.append("+08:00");
    }

    /** Civil date from days since 1970-01-01 (H. Hinnant's algorithm). */
    static void appendDate(StringBuilder out, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out.append(year).append('-');
        two(out, month);
        out.append('-');
        two(out, day);
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
