package com.tierdesk.sla;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.InvalidValue;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.sla.internal.CalendarRepository;
import com.tierdesk.sla.internal.CommittedCache;
import com.tierdesk.sla.internal.HolidayFiles;
import com.tierdesk.sla.internal.PublicHolidays;
import com.tierdesk.sla.internal.SlaInputs;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Business calendars: list, read, create and edit (weekly hours, zone, name), and their holidays and make-up
 * days imported from and exported to iCalendar or CSV, or taken from Jollyday's public holidays. Every write is
 * validated first and happens in one transaction: a file with a bad line changes nothing.
 */
@Service
@Transactional(readOnly = true)
public class SlaCalendars {

    /** The largest holiday file: a year is a few dozen lines, so this holds decades. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    /** The most working periods a weekday may have (split shifts and breaks). */
    public static final int MAX_PERIODS_A_DAY = 12;
    private static final String CODE = "[a-z0-9][a-z0-9_-]{0,63}";

    private final CalendarRepository calendars;
    private final BusinessTime time;
    private final CommittedCache<String, BusinessCalendar> kept = new CommittedCache<>();

    SlaCalendars(CalendarRepository calendars, BusinessTime time) {
        this.calendars = calendars;
        this.time = time;
    }

    public List<BusinessCalendar> list() {
        Function<String, BusinessCalendar> current = current();
        return calendars.codes().stream().map(current).toList();
    }

    public List<String> codes() {
        return calendars.codes();
    }

    public BusinessCalendar get(String code) {
        return current().apply(code);
    }

    /**
     * The calendars as they are now, each read from the database only when it changed since it was last read here:
     * one statement reads every calendar's version, and the calendars are kept by version with their laid-out years,
     * so that a ticket's deadlines cost no reading of hours and holidays.
     */
    public Function<String, BusinessCalendar> current() {
        Map<String, Long> versions = calendars.versions();
        return code -> {
            Long version = versions.get(code);
            if (version == null) {
                throw new NotFound("calendar", "problem.no-calendar", ApiProblems.echo(code));
            }
            return kept.get(code, version, () -> calendars.find(code))
                    .orElseThrow(() -> new NotFound("calendar", "problem.no-calendar", ApiProblems.echo(code)));
        };
    }

    /** Creates the calendar or, if the code exists, replaces its name, zone and weekly hours (its days stay). */
    @Transactional
    public BusinessCalendar save(CalendarDraft draft, String user) {
        var problems = new ArrayList<FieldProblem>();
        String code = draft.code() == null ? "" : draft.code().strip();
        if (!code.matches(CODE)) {
            problems.add(FieldProblem.of("code", "problem.calendar.code-format"));
        }
        String name = SlaInputs.requiredLine("name", draft.name(), 200, problems);
        ZoneId zone = zone(draft.zone(), problems);
        String country = country(draft.country(), problems);
        WeeklyHours hours = hours(draft.hours() == null ? Map.of() : draft.hours(), problems);
        boolean exists = problems.isEmpty() && calendars.exists(code);
        if (exists && get(code).alwaysOpen()) {
            problems.add(FieldProblem.of("code", "problem.calendar.always-open", code));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (exists) {
            calendars.update(code, name, zone, country, hours, user, time.now());
        } else {
            calendars.insert(code, name, zone, country, hours, user, time.now());
        }
        return get(code);
    }

    /**
     * A new calendar with the weekly hours, zone, holidays and make-up days of {@code template}, to be edited from
     * there; refused if the code is taken.
     */
    @Transactional
    public BusinessCalendar createFrom(String code, String name, String template, String user) {
        var problems = new ArrayList<FieldProblem>();
        String from = SlaInputs.requiredLine("copyFrom", template, 64, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        BusinessCalendar source = calendars.find(from).orElseThrow(() -> InvalidInput.of("copyFrom", "problem.no-calendar", ApiProblems.echo(from)));
        if (source.alwaysOpen()) {
            throw InvalidInput.of("copyFrom", "problem.calendar.copy-always-open", ApiProblems.echo(from));
        }
        if (code != null && calendars.exists(code.strip())) {
            throw InvalidInput.of("code", "problem.calendar.exists", code.strip());
        }
        CalendarDraft copy = CalendarDraft.of(source);
        BusinessCalendar created = save(new CalendarDraft(code, name, copy.zone(), copy.country(), copy.hours()), user);
        var sources = new TreeMap<Integer, String>();
        source.years().forEach(year -> sources.put(year.year(), year.source()));
        calendars.replaceYears(created.code(), sources, source.days().values(), user, time.now());
        return get(created.code());
    }

    /**
     * Replaces the holidays and make-up days of every year the file mentions with the file's, all or nothing.
     * {@code source} names where the dates come from (e.g. the notice); it is recorded for each year.
     */
    @Transactional
    public HolidayImport importHolidays(String code, HolidayFormat format, String content, String source, String user) {
        BusinessCalendar calendar = editable(code);
        var problems = new ArrayList<FieldProblem>();
        String from = SlaInputs.line("source", source, 500, problems);
        if (content.length() > MAX_FILE_BYTES) {
            problems.add(new FieldProblem("file", tooLarge()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        HolidayFiles.Parsed parsed = HolidayFiles.read(format, content);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidInput(parsed.problems());
        }
        if (parsed.days().isEmpty()) {
            throw InvalidInput.of("file", "problem.holidays.none");
        }
        return replace(calendar, parsed.days(), from == null || from.isEmpty() ? "imported file" : from, user);
    }

    /** Why a holiday file is refused unread. */
    public static Reason tooLarge() {
        return Reason.of("problem.holidays.too-large");
    }

    /**
     * Replaces a year's days with the public holidays Jollyday knows for the country (no make-up days); without a
     * country, for the calendar's own.
     */
    @Transactional
    public HolidayImport importPublicHolidays(String code, String country, int year, Locale locale, String user) {
        BusinessCalendar calendar = editable(code);
        var problems = new ArrayList<FieldProblem>();
        String given = country == null || country.isBlank() ? calendar.country().orElse(null) : country;
        String wanted = SlaInputs.requiredLine("country", given, 8, problems);
        SlaInputs.holidayYear("year", year, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<CalendarDay> days = PublicHolidays.of(wanted, year, locale).orElseThrow(() -> InvalidInput.of("country", "problem.calendar.holiday-country",
                ApiProblems.echo(wanted), String.join(", ", PublicHolidays.countries())));
        String source = "Jollyday public holidays of " + wanted.toUpperCase(Locale.ROOT) + " " + year;
        var result = replace(calendar, days, source, user);
        if (days.isEmpty()) {
            return new HolidayImport(code, source, List.of(new HolidayImport.YearCount(year, 0, 0)));
        }
        return result;
    }

    public Set<String> publicHolidayCountries() {
        return PublicHolidays.countries();
    }

    /** The calendar's holidays and make-up days (one year's, or all with {@code year} null) as a file. */
    public String export(String code, HolidayFormat format, Integer year) {
        checkYear(year);
        BusinessCalendar calendar = get(code);
        List<CalendarDay> days = calendar.days().values().stream()
                .filter(day -> year == null || day.date().getYear() == year).toList();
        return HolidayFiles.write(format, code, days, time.now());
    }

    /** Refuses a year no calendar can hold holidays for; null (every year) passes. */
    public static void checkYear(Integer year) {
        var problems = new ArrayList<FieldProblem>();
        if (year != null && !SlaInputs.holidayYear("year", year, problems)) {
            throw new InvalidInput(problems);
        }
    }

    private HolidayImport replace(BusinessCalendar calendar, List<CalendarDay> days, String source, String user) {
        var byYear = new TreeMap<Integer, List<CalendarDay>>();
        days.forEach(day -> byYear.computeIfAbsent(day.date().getYear(), y -> new ArrayList<>()).add(day));
        var sources = new TreeMap<Integer, String>();
        byYear.keySet().forEach(year -> sources.put(year, source));
        calendars.replaceYears(calendar.code(), sources, days, user, time.now());
        var counts = byYear.entrySet().stream().map(e -> new HolidayImport.YearCount(e.getKey(),
                (int) e.getValue().stream().filter(d -> d.kind() == DayKind.HOLIDAY).count(),
                (int) e.getValue().stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).count())).toList();
        return new HolidayImport(calendar.code(), source, counts);
    }

    private BusinessCalendar editable(String code) {
        BusinessCalendar calendar = get(code);
        if (calendar.alwaysOpen()) {
            throw InvalidInput.of("code", "problem.calendar.no-holidays", ApiProblems.echo(code));
        }
        return calendar;
    }

    private static ZoneId zone(String text, List<FieldProblem> problems) {
        String value = SlaInputs.requiredLine("zone", text, 64, problems);
        if (value == null) {
            return null;
        }
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            problems.add(FieldProblem.of("zone", "problem.calendar.zone", ApiProblems.echo(value)));
            return null;
        }
    }

    /** An ISO 3166 country code, upper case; empty is none (null). */
    private static String country(String text, List<FieldProblem> problems) {
        String value = SlaInputs.line("country", text, 8, problems);
        if (value == null || value.isEmpty()) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!Set.of(Locale.getISOCountries()).contains(code)) {
            problems.add(FieldProblem.of("country", "problem.calendar.country", ApiProblems.echo(value)));
            return null;
        }
        return code;
    }

    /** Parses the periods per weekday, naming the day of each problem ({@code hours.MONDAY}). */
    static WeeklyHours hours(Map<String, String> texts, List<FieldProblem> problems) {
        if (texts.size() > DayOfWeek.values().length) {
            problems.add(FieldProblem.of("hours", "problem.calendar.days", texts.size()));
            return null;
        }
        var days = new EnumMap<DayOfWeek, List<WorkingPeriod>>(DayOfWeek.class);
        texts.forEach((key, value) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(key.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("hours." + ApiProblems.echo(key), "problem.calendar.not-weekday"));
                return;
            }
            String text = SlaInputs.line("hours." + day, value, 200, problems);
            if (text == null) {
                return;
            }
            String[] parts = text.split("[,;，]");
            if (parts.length > MAX_PERIODS_A_DAY) {
                problems.add(FieldProblem.of("hours." + day, "problem.calendar.periods", MAX_PERIODS_A_DAY));
                return;
            }
            var periods = new ArrayList<WorkingPeriod>();
            for (String part : parts) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    periods.add(WorkingPeriod.parse(part));
                } catch (InvalidValue e) {
                    problems.add(FieldProblem.of("hours." + day, "problem.calendar.period", ApiProblems.echo(part.strip()), e.reason()));
                }
            }
            days.put(day, periods);
        });
        try {
            WeeklyHours hours = new WeeklyHours(days);
            if (!hours.hasWorkingTime() && problems.isEmpty()) {
                problems.add(FieldProblem.of("hours", "problem.calendar.no-working-day"));
            }
            return hours;
        } catch (InvalidValue e) {
            problems.add(new FieldProblem("hours." + e.part(), e.reason()));
            return null;
        }
    }
}
