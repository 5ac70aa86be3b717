package com.tierdesk.customer.internal.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one timestamp form machine exports write almost always, {@code yyyy-MM-ddTHH:mm:ss+hh:mm}
 * (or {@code Z}), without the general parser: files carry tens of millions of them. Anything else,
 * including an invalid date in that form, is left to the shared field rules, which give the reason.
 */
final class CanonicalInstants {

    private CanonicalInstants() {
    }

    /** The instant, or {@code null} when the text is not exactly in the canonical form. */
    static Instant parse(String text) {
        int length = text.length();
        if (length != 25 && length != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int offsetSeconds;
        if (length == 20) {
            if (text.charAt(19) != 'Z') {
                return null;
            }
            offsetSeconds = 0;
        } else {
            char sign = text.charAt(19);
            int hours = digits(text, 20);
            int minutes = digits(text, 23);
            if (sign != '+' && sign != '-' || text.charAt(22) != ':' || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
                return null;
            }
            offsetSeconds = (sign == '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
        }
        int year = digits(text, 0) * 100 + digits(text, 2);
        int month = digits(text, 5);
        int day = digits(text, 8);
        int hour = digits(text, 11);
        int minute = digits(text, 14);
        int second = digits(text, 17);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Two decimal digits at {@code at}, or -1. */
    private static int digits(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return -1;
        }
        return (tens - '0') * 10 + (ones - '0');
    }
}
