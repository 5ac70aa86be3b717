package com.tierdesk.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SLA durations as people write them: {@code 30s}, {@code 15m}, {@code 1h30m}, {@code 2d}, or ISO-8601 ({@code PT8H}). */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m(?:in)?)?\\s*(?:(\\d+)s)?");

    private DurationText() {
    }

    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("is missing");
        }
        if (value.startsWith("p") || value.startsWith("-p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not a duration like 8h or PT8H");
            }
        }
        if (value.startsWith("-")) {
            throw new IllegalArgumentException("'" + text.strip() + "' is negative; a target must be longer than zero");
        }
        Matcher m = SHORT.matcher(value);
        if (!m.matches() || value.chars().noneMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a duration like 30m, 8h or 1h30m");
        }
        return Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3)).plusSeconds(group(m, 4));
    }

    /** The shortest text that parses back: {@code 1h30m}, {@code 24h}, {@code 30s}, {@code 0s}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        var text = new StringBuilder(seconds < 0 ? "-" : "");
        seconds = Math.abs(seconds);
        append(text, seconds / 3600, "h");
        append(text, seconds / 60 % 60, "m");
        append(text, seconds % 60, "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long value, String unit) {
        if (value != 0) {
            text.append(value).append(unit);
        }
    }

    private static long group(Matcher m, int group) {
        return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
    }
}
