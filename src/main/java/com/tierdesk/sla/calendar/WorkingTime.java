package com.tierdesk.sla.calendar;

import com.tierdesk.sla.Pause;
import com.tierdesk.sla.WorkingPeriod;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Deadline arithmetic in epoch seconds on one calendar's working time: adding working time to an instant,
 * measuring it between two instants, with pauses holding the clock. Each local year's working periods are laid
 * out once, on first use, as sorted intervals with running totals, so adding and measuring are binary searches.
 *
 * <p>Adding can tell a {@link Counting} what it counted and which pauses it stepped over as it goes: the trace
 * of a deadline is the record of the computation that gave it. Without one, nothing is recorded and nothing is
 * spent on it.
 *
 * <p>Years outside {@value #FIRST_YEAR}–{@value #LAST_YEAR} are refused ({@link YearOutOfRange}): no ticket
 * lives there, and a calendar with very little working time would otherwise lay out years without end.
 * Plain Java: no Spring, no database.
 */
public final class WorkingTime {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2400;

    private final ZoneId zone;
    private final boolean alwaysOpen;
    private final Function<LocalDate, List<WorkingPeriod>> periodsOn;
    private final Map<Integer, YearIndex> index = new ConcurrentHashMap<>();

    /**
     * @param periodsOn the working periods of a local date (empty for a day off)
     * @param alwaysOpen every second counts, whatever {@code periodsOn} says
     */
    public WorkingTime(ZoneId zone, boolean alwaysOpen, Function<LocalDate, List<WorkingPeriod>> periodsOn) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.alwaysOpen = alwaysOpen;
        this.periodsOn = Objects.requireNonNull(periodsOn, "periodsOn");
    }

    /** Receives, in order, the working time a computation counted and the pauses it stepped over. */
    public interface Counting {

        /** Working seconds from {@code from} (inclusive) to {@code to} (exclusive) counted. */
        void counted(long from, long to);

        /** A pause that held the clock. */
        void held(Pause pause);
    }

    /** A year outside the range this arithmetic lays out. */
    public static final class YearOutOfRange extends IllegalArgumentException {

        YearOutOfRange(String message) {
            super(message);
        }
    }

    /**
     * The instant at which {@code seconds} of working time have passed since {@code start}; {@code counting}, if
     * not null, receives each stretch counted.
     */
    public long plus(long start, long seconds, Counting counting) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + seconds + " s");
        }
        if (seconds == 0) {
            return start;
        }
        if (alwaysOpen) {
            long due = Math.addExact(start, seconds);
            if (counting != null) {
                counting.counted(start, due);
            }
            return due;
        }
        YearIndex year = indexAt(start);
        long target = year.workedBefore(start) + seconds;
        long from = start;
        while (target > year.total) {
            if (counting != null) {
                year.report(from, Long.MAX_VALUE, counting);
            }
            target -= year.total;
            year = index(year.year + 1);
            from = Long.MIN_VALUE;
        }
        long due = year.instantAt(target);
        if (counting != null) {
            year.report(from, due, counting);
        }
        return due;
    }

    /**
     * Like {@link #plus(long, long, Counting)}, the clock standing still during the pauses (sorted, merged; see
     * {@link Pause#merged}). A pause open at the start holds it until the pause ends.
     */
    public long plus(long start, long seconds, List<Pause> merged, Counting counting) {
        if (seconds == 0 || merged.isEmpty()) {
            return plus(start, seconds, counting);
        }
        long current = start;
        long remaining = seconds;
        for (Pause pause : merged) {
            long from = pause.from().getEpochSecond();
            long to = pause.to().getEpochSecond();
            if (to <= current) {
                continue;
            }
            if (from > current) {
                long available = between(current, from);
                if (available >= remaining) {
                    break;
                }
                remaining -= available;
                if (counting != null) {
                    plus(current, available, counting);
                }
            }
            if (counting != null) {
                counting.held(pause);
            }
            current = to;
        }
        return plus(current, remaining, counting);
    }

    /** The working seconds between two instants; zero if {@code to} is not after {@code from}. */
    public long between(long from, long to) {
        if (to <= from) {
            return 0;
        }
        if (alwaysOpen) {
            return to - from;
        }
        YearIndex first = indexAt(from);
        YearIndex last = indexAt(to);
        if (first.year == last.year) {
            return first.workedBefore(to) - first.workedBefore(from);
        }
        long total = first.total - first.workedBefore(from) + last.workedBefore(to);
        for (int year = first.year + 1; year < last.year; year++) {
            total += index(year).total;
        }
        return total;
    }

    /** The working seconds between two instants outside the pauses (sorted, merged). */
    public long between(long from, long to, List<Pause> merged) {
        long total = between(from, to);
        for (Pause pause : merged) {
            total -= between(Math.max(from, pause.from().getEpochSecond()), Math.min(to, pause.to().getEpochSecond()));
        }
        return total;
    }

    /** Whether the instant lies in a working period, its closing second included (a deadline may fall at 18:00). */
    public boolean isWorkingTime(long t) {
        if (alwaysOpen) {
            return true;
        }
        YearIndex year = indexAt(t);
        int i = year.lastStartingAtOrBefore(t);
        if (i >= 0 && t <= year.ends[i]) {
            return true;
        }
        // The closing second of the last period of the previous year.
        YearIndex previous = index(year.year - 1);
        int n = previous.starts.length;
        return n > 0 && t == previous.ends[n - 1];
    }

    private YearIndex indexAt(long epochSecond) {
        int year;
        try {
            year = LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone).getYear();
        } catch (DateTimeException e) {
            throw new YearOutOfRange("instant out of range: " + epochSecond + " s");
        }
        return index(year);
    }

    private YearIndex index(int year) {
        YearIndex known = index.get(year);
        if (known != null) {
            return known;
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new YearOutOfRange("the year " + year + " lies outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        return index.computeIfAbsent(year, this::build);
    }

    private YearIndex build(int year) {
        var starts = new long[800];
        var ends = new long[800];
        int n = 0;
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            for (WorkingPeriod period : periodsOn.apply(date)) {
                long s = epochSecond(date, period.fromSecond());
                long e = epochSecond(date, period.toSecond());
                if (e <= s) {
                    continue; // a period swallowed by a daylight-saving gap
                }
                if (n > 0 && s <= ends[n - 1]) {
                    ends[n - 1] = Math.max(ends[n - 1], e); // touching periods (midnight shifts) join
                    continue;
                }
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                starts[n] = s;
                ends[n] = e;
                n++;
            }
        }
        return new YearIndex(year, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    private long epochSecond(LocalDate date, int secondOfDay) {
        if (secondOfDay == WorkingPeriod.DAY) {
            return date.plusDays(1).atStartOfDay(zone).toEpochSecond();
        }
        return date.atStartOfDay().plusSeconds(secondOfDay).atZone(zone).toEpochSecond();
    }

    /** One local year's working intervals in epoch seconds with the working time completed at each end. */
    private static final class YearIndex {

        final int year;
        final long[] starts;
        final long[] ends;
        final long[] workedAtEnd;
        final long total;

        YearIndex(int year, long[] starts, long[] ends) {
            this.year = year;
            this.starts = starts;
            this.ends = ends;
            this.workedAtEnd = new long[starts.length];
            long sum = 0;
            for (int i = 0; i < starts.length; i++) {
                sum += ends[i] - starts[i];
                workedAtEnd[i] = sum;
            }
            this.total = sum;
        }

        /** Working seconds of this year before {@code t}. */
        long workedBefore(long t) {
            int i = lastStartingAtOrBefore(t);
            if (i < 0) {
                return 0;
            }
            long before = i == 0 ? 0 : workedAtEnd[i - 1];
            return before + Math.min(t, ends[i]) - starts[i];
        }

        /** The earliest instant by which {@code target} (1..total) working seconds of the year have passed. */
        long instantAt(long target) {
            int lo = 0;
            int hi = workedAtEnd.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (workedAtEnd[mid] >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return ends[lo] - (workedAtEnd[lo] - target);
        }

        /** Tells {@code counting} the working time of this year from {@code from} to {@code to}. */
        void report(long from, long to, Counting counting) {
            for (int i = Math.max(0, lastStartingAtOrBefore(from)); i < starts.length && starts[i] < to; i++) {
                long s = Math.max(from, starts[i]);
                long e = Math.min(to, ends[i]);
                if (e > s) {
                    counting.counted(s, e);
                }
            }
        }

        int lastStartingAtOrBefore(long t) {
            int lo = 0;
            int hi = starts.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= t) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }
    }
}
