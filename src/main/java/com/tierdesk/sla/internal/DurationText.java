package com.tierdesk.sla.internal;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.InvalidValue;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLA durations as people write them: {@code 30s}, {@code 15m}, {@code 1h30m}, {@code 2d}, or ISO-8601
 * ({@code PT8H}); at most {@link #MAX} long, so that no deadline runs past the years a calendar lays out.
 */
public final class DurationText {

    /** The longest target: a year of working time. */
    public static final Duration MAX = Duration.ofDays(366);

    private static final Pattern SHORT = Pattern.compile("(?:(\\d{1,9})d)?\\s*(?:(\\d{1,9})h)?\\s*(?:(\\d{1,9})m(?:in)?)?\\s*(?:(\\d{1,12})s)?");
    private static final int LONGEST_TEXT = 40;

    private DurationText() {
    }

    /** The duration, which may be zero or negative (the caller says whether that is allowed), or a reason. */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidValue("problem.missing");
        }
        if (value.length() > LONGEST_TEXT) {
            throw new InvalidValue("problem.duration.format", ApiProblems.echo(text.strip()));
        }
        Duration duration;
        if (value.startsWith("p") || value.startsWith("-p")) {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new InvalidValue("problem.duration.format", ApiProblems.echo(text.strip()));
            }
        } else if (value.startsWith("-")) {
            throw new InvalidValue("problem.duration.negative", ApiProblems.echo(text.strip()));
        } else {
            Matcher m = SHORT.matcher(value);
            if (!m.matches() || value.chars().noneMatch(Character::isDigit)) {
                throw new InvalidValue("problem.duration.short-format", ApiProblems.echo(text.strip()));
            }
            duration = Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3))
                    .plusSeconds(group(m, 4));
        }
        if (duration.compareTo(MAX) > 0) {
            throw new InvalidValue("problem.duration.too-long", ApiProblems.echo(text.strip()), format(MAX));
        }
        return duration;
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
