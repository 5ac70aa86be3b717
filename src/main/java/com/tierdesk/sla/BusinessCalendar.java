package com.tierdesk.sla;

import com.tierdesk.sla.calendar.StepRecorder;
import com.tierdesk.sla.calendar.WorkingTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A business calendar: weekly working periods in a time zone, public holidays and make-up working days (调休)
 * for the years it has data for, or every second of every day (24×7); and deadlines on it.
 *
 * <p>A year without holiday data falls back to the weekly hours alone (weekends off, no holidays);
 * {@link #hasDataFor(int)} tells which years are covered. Deadlines work in whole seconds (instants are
 * truncated to the second); the arithmetic is {@link WorkingTime}'s. Plain Java: no Spring, no database.
 */
public final class BusinessCalendar {

    private final String code;
    private final String name;
    private final String country;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final Map<LocalDate, CalendarDay> days;
    private final Map<Integer, HolidayYear> years;
    private final boolean alwaysOpen;
    private final WorkingTime time;

    private BusinessCalendar(String code, String name, String country, ZoneId zone, WeeklyHours hours,
            Collection<CalendarDay> days, Collection<HolidayYear> years, boolean alwaysOpen) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = name == null ? code : name;
        this.country = country;
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
        this.time = new WorkingTime(zone, alwaysOpen, this::periodsOn);
    }

    /** A calendar with weekly hours and dated exceptions; {@code years} names the source of each year's data. */
    public static BusinessCalendar of(String code, String name, ZoneId zone, WeeklyHours hours,
            Collection<CalendarDay> days, Collection<HolidayYear> years) {
        return new BusinessCalendar(code, name, null, zone, hours, days, years, false);
    }

    /** Every second counts: no nights, weekends or holidays. */
    public static BusinessCalendar twentyFourSeven(String code, String name) {
        return new BusinessCalendar(code, name, null, ZoneOffset.UTC, WeeklyHours.everyDay(WorkingPeriod.wholeDay()),
                List.of(), List.of(), true);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    /** The country or region whose holidays the calendar keeps (ISO 3166, e.g. CN), if it has one. */
    public Optional<String> country() {
        return Optional.ofNullable(country);
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
        return new BusinessCalendar(code, name, country, zone, hours, days.values(), years.values(), alwaysOpen);
    }

    /** A copy that keeps the holidays of {@code country} (an ISO 3166 code such as CN; null for none). */
    public BusinessCalendar withCountry(String country) {
        return new BusinessCalendar(code, name, country, zone, hours, days.values(), years.values(), alwaysOpen);
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
        return Instant.ofEpochSecond(time.plus(start.getEpochSecond(), seconds(duration), null));
    }

    /** Like {@link #add(Instant, Duration)}, the clock standing still during the pauses. */
    public Instant add(Instant start, Duration duration, List<Pause> pauses) {
        return Instant.ofEpochSecond(time.plus(start.getEpochSecond(), seconds(duration), Pause.merged(pauses), null));
    }

    /**
     * The deadline {@code duration} of working time after {@code start}, outside the pauses, with the steps the
     * computation took; a 24×7 calendar, which has no zone of its own, shows them in {@code displayZone}.
     */
    public DeadlineSteps explain(Instant start, Duration duration, List<Pause> pauses, ZoneId displayZone) {
        List<Pause> merged = Pause.merged(pauses);
        var recorder = new StepRecorder(this, alwaysOpen ? displayZone : zone, start);
        Instant due = Instant.ofEpochSecond(time.plus(start.getEpochSecond(), seconds(duration), merged, recorder));
        return recorder.steps(start, duration, merged, due);
    }

    /** The working time between two instants; zero if {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        return Duration.ofSeconds(time.between(from.getEpochSecond(), to.getEpochSecond()));
    }

    /** The working time between two instants outside the pauses. */
    public Duration between(Instant from, Instant to, List<Pause> pauses) {
        return Duration.ofSeconds(time.between(from.getEpochSecond(), to.getEpochSecond(), Pause.merged(pauses)));
    }

    /** Whether the instant lies in a working period, its closing second included (a deadline may fall at 18:00). */
    public boolean isWorkingTime(Instant instant) {
        return time.isWorkingTime(instant.getEpochSecond());
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
}
