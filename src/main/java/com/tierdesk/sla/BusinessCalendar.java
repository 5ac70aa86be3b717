package com.tierdesk.sla;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A business calendar and its deadline arithmetic: weekly working periods in a time zone, public holidays and
 * make-up working days (调休) for the years it has data for, or every second of every day (24×7).
 *
 * <p>A year without holiday data falls back to the weekly hours alone (weekends off, no holidays);
 * {@link #hasDataFor(int)} tells which years are covered. Arithmetic works in whole seconds: instants are
 * truncated to the second. Working time of each local year is laid out once, on first use, as sorted
 * intervals with running totals, so adding and measuring are two binary searches.
 *
 * <p>Plain Java: no Spring, no database.
 */
public final class BusinessCalendar {

    private static final int MAX_EMPTY_YEARS = 30;

    private final String code;
    private final String name;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final Map<LocalDate, CalendarDay> days;
    private final Map<Integer, HolidayYear> years;
    private final boolean alwaysOpen;
    private final Map<Integer, YearIndex> index = new ConcurrentHashMap<>();

    private BusinessCalendar(String code, String name, ZoneId zone, WeeklyHours hours, Collection<CalendarDay> days,
            Collection<HolidayYear> years, boolean alwaysOpen) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = name == null ? code : name;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.alwaysOpen = alwaysOpen;
        var byDate = new TreeMap<LocalDate, CalendarDay>();
        for (CalendarDay day : days) {
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException(day.date() + " is listed twice");
            }
        }
        this.days = Collections.unmodifiableMap(byDate);
        var byYear = new TreeMap<Integer, HolidayYear>();
        years.forEach(year -> byYear.put(year.year(), year));
        byDate.keySet().forEach(date -> byYear.putIfAbsent(date.getYear(), new HolidayYear(date.getYear(), "")));
        this.years = Collections.unmodifiableMap(byYear);
        if (!alwaysOpen && !hours.hasWorkingTime()) {
            throw new IllegalArgumentException("the weekly hours have no working time");
        }
    }

    /** A calendar with weekly hours and dated exceptions; {@code years} names the source of each year's data. */
    public static BusinessCalendar of(String code, String name, ZoneId zone, WeeklyHours hours,
            Collection<CalendarDay> days, Collection<HolidayYear> years) {
        return new BusinessCalendar(code, name, zone, hours, days, years, false);
    }

    /** Every second counts: no nights, weekends or holidays. */
    public static BusinessCalendar twentyFourSeven(String code, String name) {
        return new BusinessCalendar(code, name, ZoneOffset.UTC, WeeklyHours.everyDay(WorkingPeriod.wholeDay()),
                List.of(), List.of(), true);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours hours() {
        return hours;
    }

    public boolean alwaysOpen() {
        return alwaysOpen;
    }

    /** The holidays and make-up days, by date. */
    public Map<LocalDate, CalendarDay> days() {
        return days;
    }

    /** The years with holiday data, with their sources. */
    public Collection<HolidayYear> years() {
        return years.values();
    }

    /** Whether holidays and make-up days are known for the year; 24×7 needs none and always has them. */
    public boolean hasDataFor(int year) {
        return alwaysOpen || years.containsKey(year);
    }

    public Optional<HolidayYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** A copy with other weekly hours, zone and name; the dated days stay. */
    public BusinessCalendar withHours(String name, ZoneId zone, WeeklyHours hours) {
        return new BusinessCalendar(code, name, zone, hours, days.values(), years.values(), alwaysOpen);
    }

    /** What the date is here, and the working periods it has. */
    public DayKind kindOf(LocalDate date) {
        if (alwaysOpen) {
            return DayKind.WORKDAY;
        }
        CalendarDay day = days.get(date);
        if (day != null) {
            return day.kind();
        }
        return hours.on(date.getDayOfWeek()).isEmpty() ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    public Optional<CalendarDay> day(LocalDate date) {
        return Optional.ofNullable(days.get(date));
    }

    public List<WorkingPeriod> periodsOn(LocalDate date) {
        return switch (kindOf(date)) {
            case WORKDAY, WEEKEND -> hours.on(date.getDayOfWeek());
            case HOLIDAY -> List.of();
            case MAKEUP_WORKDAY -> hours.standardDay();
        };
    }

    /** The instant at which {@code duration} of working time has passed since {@code start}. */
    public Instant add(Instant start, Duration duration) {
        long seconds = seconds(duration);
        long from = start.getEpochSecond();
        if (alwaysOpen || seconds == 0) {
            return Instant.ofEpochSecond(from + seconds);
        }
        YearIndex year = indexAt(from);
        long target = year.workedBefore(from) + seconds;
        int empty = 0;
        while (target > year.total) {
            target -= year.total;
            year = index(year.year + 1);
            empty = year.total == 0 ? empty + 1 : 0;
            if (empty > MAX_EMPTY_YEARS) {
                throw new IllegalStateException(code + " has no working time after " + start);
            }
        }
        return Instant.ofEpochSecond(year.instantAt(target));
    }

    /** Like {@link #add(Instant, Duration)}, the clock standing still during the pauses. */
    public Instant add(Instant start, Duration duration, List<Pause> pauses) {
        long remaining = seconds(duration);
        Instant current = truncated(start);
        for (Pause pause : Pause.merged(pauses)) {
            if (!pause.to().isAfter(current)) {
                continue;
            }
            if (!pause.from().isAfter(current)) {
                current = truncated(pause.to());
                continue;
            }
            long available = between(current, pause.from()).getSeconds();
            if (available >= remaining) {
                break;
            }
            remaining -= available;
            current = truncated(pause.to());
        }
        return add(current, Duration.ofSeconds(remaining));
    }

    /** The working time between two instants; zero if {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        long a = from.getEpochSecond();
        long b = to.getEpochSecond();
        if (b <= a) {
            return Duration.ZERO;
        }
        if (alwaysOpen) {
            return Duration.ofSeconds(b - a);
        }
        YearIndex first = indexAt(a);
        YearIndex last = indexAt(b);
        if (first.year == last.year) {
            return Duration.ofSeconds(first.workedBefore(b) - first.workedBefore(a));
        }
        long total = first.total - first.workedBefore(a) + last.workedBefore(b);
        for (int year = first.year + 1; year < last.year; year++) {
            total += index(year).total;
        }
        return Duration.ofSeconds(total);
    }

    /** The working time between two instants outside the pauses. */
    public Duration between(Instant from, Instant to, List<Pause> pauses) {
        Duration total = between(from, to);
        for (Pause pause : Pause.merged(pauses)) {
            Instant a = pause.from().isAfter(from) ? pause.from() : from;
            Instant b = pause.to().isBefore(to) ? pause.to() : to;
            total = total.minus(between(a, b));
        }
        return total;
    }

    /** Whether the instant lies in a working period, its closing second included (a deadline may fall at 18:00). */
    public boolean isWorkingTime(Instant instant) {
        if (alwaysOpen) {
            return true;
        }
        long t = instant.getEpochSecond();
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

    /** The working intervals between two instants, cut to them: what a trace lists. */
    public List<Interval> workingIntervals(Instant from, Instant to) {
        long a = from.getEpochSecond();
        long b = to.getEpochSecond();
        var intervals = new ArrayList<Interval>();
        if (b <= a) {
            return intervals;
        }
        if (alwaysOpen) {
            intervals.add(new Interval(Instant.ofEpochSecond(a), Instant.ofEpochSecond(b)));
            return intervals;
        }
        for (int y = indexAt(a).year; y <= indexAt(b).year; y++) {
            YearIndex year = index(y);
            for (int i = Math.max(0, year.lastStartingAtOrBefore(a)); i < year.starts.length && year.starts[i] < b; i++) {
                long s = Math.max(a, year.starts[i]);
                long e = Math.min(b, year.ends[i]);
                if (e > s) {
                    intervals.add(new Interval(Instant.ofEpochSecond(s), Instant.ofEpochSecond(e)));
                }
            }
        }
        return intervals;
    }

    /** A stretch of time, {@code from} inclusive, {@code to} exclusive. */
    public record Interval(Instant from, Instant to) {

        public Duration length() {
            return Duration.between(from, to);
        }
    }

    @Override
    public String toString() {
        return code + " (" + zone + (alwaysOpen ? ", 24x7" : ", " + years.keySet().stream().map(String::valueOf)
                .collect(Collectors.joining(", ", "holiday data for ", ""))) + ")";
    }

    private static long seconds(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration cannot be negative: " + duration);
        }
        return duration.getSeconds();
    }

    private static Instant truncated(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond());
    }

    private YearIndex indexAt(long epochSecond) {
        int year;
        try {
            year = LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone).getYear();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("instant out of range: " + epochSecond, e);
        }
        return index(year);
    }

    private YearIndex index(int year) {
        YearIndex known = index.get(year);
        return known != null ? known : index.computeIfAbsent(year, this::build);
    }

    private YearIndex build(int year) {
        var starts = new long[800];
        var ends = new long[800];
        int n = 0;
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            for (WorkingPeriod period : periodsOn(date)) {
                long s = epochSecond(date, period.fromSecond());
                long e = epochSecond(date, period.toSecond());
                if (e <= s) {
                    continue; // a period swallowed by a daylight-saving gap
                }
                if (n > 0 && s <= ends[n - 1]) {
                    ends[n - 1] = Math.max(ends[n - 1], e); // touching periods (24×7, midnight shifts) join
                    continue;
                }
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                    ends = java.util.Arrays.copyOf(ends, n * 2);
                }
                starts[n] = s;
                ends[n] = e;
                n++;
            }
        }
        return new YearIndex(year, java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
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
