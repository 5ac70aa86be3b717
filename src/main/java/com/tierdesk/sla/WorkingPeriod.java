package com.tierdesk.sla;

import com.tierdesk.shared.InvalidValue;
import java.time.LocalTime;

/**
 * One stretch of working time inside a day, from {@code fromSecond} (inclusive) to {@code toSecond} (exclusive)
 * counted from local midnight; {@code toSecond} may be 86,400 (24:00, the end of the day).
 */
public record WorkingPeriod(int fromSecond, int toSecond) implements Comparable<WorkingPeriod> {

    public static final int DAY = 86_400;

    public WorkingPeriod {
        if (fromSecond < 0 || fromSecond >= DAY) {
            throw new InvalidValue("problem.period.start", clock(fromSecond));
        }
        if (toSecond > DAY) {
            throw new InvalidValue("problem.period.end", clock(toSecond));
        }
        if (toSecond <= fromSecond) {
            throw new InvalidValue("problem.period.inverted", clock(fromSecond), clock(toSecond));
        }
    }

    public static WorkingPeriod of(String from, String to) {
        return new WorkingPeriod(secondOf(from), secondOf(to));
    }

    /** The whole day, 00:00-24:00. */
    public static WorkingPeriod wholeDay() {
        return new WorkingPeriod(0, DAY);
    }

    /** Reads {@code 09:00-12:00} (an en dash or a tilde also separates). */
    public static WorkingPeriod parse(String text) {
        String[] ends = text.strip().split("\\s*[-–~]\\s*");
        if (ends.length != 2) {
            throw new InvalidValue("problem.period.range", text.strip());
        }
        return of(ends[0], ends[1]);
    }

    public LocalTime from() {
        return LocalTime.ofSecondOfDay(fromSecond);
    }

    /** The end as a local time; 24:00 reads as 00:00 of the next day. */
    public LocalTime to() {
        return LocalTime.ofSecondOfDay(toSecond % DAY);
    }

    public int seconds() {
        return toSecond - fromSecond;
    }

    public boolean overlaps(WorkingPeriod other) {
        return fromSecond < other.toSecond && other.fromSecond < toSecond;
    }

    @Override
    public int compareTo(WorkingPeriod other) {
        return fromSecond != other.fromSecond ? Integer.compare(fromSecond, other.fromSecond)
                : Integer.compare(toSecond, other.toSecond);
    }

    @Override
    public String toString() {
        return clock(fromSecond) + "-" + clock(toSecond);
    }

    /** {@code HH:mm}, or {@code HH:mm:ss} when the seconds are not zero; 86,400 is 24:00. */
    public static String clock(int secondOfDay) {
        int h = secondOfDay / 3600;
        int m = secondOfDay / 60 % 60;
        int s = secondOfDay % 60;
        return s == 0 ? String.format("%02d:%02d", h, m) : String.format("%02d:%02d:%02d", h, m, s);
    }

    private static int secondOf(String text) {
        String value = text.strip();
        if (value.equals("24:00") || value.equals("24:00:00")) {
            return DAY;
        }
        if (!value.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            throw new InvalidValue("problem.period.time", value);
        }
        String[] parts = value.split(":");
        int h = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        int s = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
        if (h > 23 || m > 59 || s > 59) {
            throw new InvalidValue("problem.period.time", value);
        }
        return h * 3600 + m * 60 + s;
    }
}
