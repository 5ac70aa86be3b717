package com.tierdesk.sla.internal;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.CalendarDay;
import com.tierdesk.sla.DayKind;
import com.tierdesk.sla.HolidayFormat;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and writes holidays and make-up days as iCalendar (.ics) and CSV. Reading collects every problem with
 * its line number (the first {@value #MAX_PROBLEMS}) and returns either all the days or none, so that a bad line
 * never leads to half an import. Names follow the text rules and fit their column; dates lie in the years a
 * calendar holds.
 */
public final class HolidayFiles {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_DAYS = 10_000;
    private static final int MAX_PROBLEMS = 100;
    private static final int NAME_LENGTH = 200;
    private static final java.util.regex.Pattern CONTENT_LINE =
            java.util.regex.Pattern.compile("[A-Za-z0-9-]+(;[A-Za-z0-9-]+=(\"[^\"]*\"|[^\";:,]*)(,(\"[^\"]*\"|[^\";:,]*))*)*:.*");

    private HolidayFiles() {
    }

    /** The days in the file, or the problems (each naming its line); never both. */
    public record Parsed(List<CalendarDay> days, List<FieldProblem> problems) {
    }

    public static Parsed read(HolidayFormat format, String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Parsed parsed = switch (format) {
            case CSV -> readCsv(content);
            case ICS -> readIcs(content);
        };
        if (parsed.problems().size() <= MAX_PROBLEMS) {
            return parsed;
        }
        var first = new ArrayList<>(parsed.problems().subList(0, MAX_PROBLEMS));
        first.add(FieldProblem.of(null, "problem.holidays.more", parsed.problems().size() - MAX_PROBLEMS, MAX_PROBLEMS));
        return new Parsed(List.of(), first);
    }

    /** The days as a file; an iCalendar file is stamped {@code now}. */
    public static String write(HolidayFormat format, String calendarCode, List<CalendarDay> days, Instant now) {
        return switch (format) {
            case CSV -> writeCsv(days);
            case ICS -> writeIcs(calendarCode, days, now);
        };
    }

    private static Parsed readCsv(String text) {
        var days = new ArrayList<CalendarDay>();
        var problems = new ArrayList<FieldProblem>();
        var seen = new HashMap<LocalDate, Long>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setCommentMarker('#').get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            var header = parser.getHeaderMap().keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("date") || !header.contains("kind")) {
                return new Parsed(List.of(), List.of(FieldProblem.of("line 1", "problem.holidays.header",
                        ApiProblems.echo(String.join(",", header)))));
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                Map<String, String> row = new HashMap<>();
                record.toMap().forEach((key, value) -> row.put(key.toLowerCase(Locale.ROOT), value));
                String at = "line " + line;
                LocalDate date = null;
                try {
                    date = inYears(LocalDate.parse(row.getOrDefault("date", "")), at, "date", problems);
                } catch (DateTimeParseException e) {
                    problems.add(FieldProblem.of(at, "problem.holidays.date", ApiProblems.echo(row.get("date"))));
                }
                Optional<DayKind> kind = kindOf(row.get("kind"));
                if (kind.isEmpty()) {
                    problems.add(FieldProblem.of(at, "problem.holidays.kind", ApiProblems.echo(row.get("kind"))));
                }
                String name = name(row.get("name"), at, "name", problems);
                if (date != null && kind.isPresent() && name != null) {
                    add(days, problems, seen, new CalendarDay(date, kind.get(), name), at, line);
                }
                if (days.size() > MAX_DAYS) {
                    problems.add(FieldProblem.of(at, "problem.holidays.too-many", MAX_DAYS));
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(FieldProblem.of(null, "problem.holidays.not-csv", ApiProblems.echo(e.getMessage())));
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(days), List.of()) : new Parsed(List.of(), problems);
    }

    private static Parsed readIcs(String text) {
        List<FieldProblem> malformed = malformedLines(text);
        if (!malformed.isEmpty()) {
            return new Parsed(List.of(), malformed);
        }
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            return new Parsed(List.of(), List.of(FieldProblem.of("line " + e.getLineNo(), "problem.holidays.ics-line", reason(e))));
        } catch (IOException | RuntimeException e) {
            return new Parsed(List.of(), List.of(FieldProblem.of(null, "problem.holidays.not-ics", ApiProblems.echo(e.getMessage()))));
        }
        List<Map<String, Integer>> lines = propertyLines(text);
        var days = new ArrayList<CalendarDay>();
        var problems = new ArrayList<FieldProblem>();
        var seen = new HashMap<LocalDate, Long>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            Map<String, Integer> at = i < lines.size() ? lines.get(i) : Map.of();
            int begin = at.getOrDefault("BEGIN", 0);
            String name = name(event.getSummary().map(Property::getValue).orElse(""), line(at, Property.SUMMARY, begin),
                    Property.SUMMARY, problems);
            LocalDate start = date(event, Property.DTSTART, at, begin, problems);
            LocalDate end = event.getProperty(Property.DTEND).isPresent()
                    ? date(event, Property.DTEND, at, begin, problems) : start == null ? null : start.plusDays(1);
            DayKind kind = event.getCategories().map(Categories::getValue)
                    .map(value -> kindOf(value).orElse(null)).orElse(DayKind.HOLIDAY);
            if (kind == null) {
                problems.add(FieldProblem.of(line(at, Property.CATEGORIES, begin), "problem.holidays.categories",
                        ApiProblems.echo(event.getCategories().map(Categories::getValue).orElse(""))));
            }
            if (start == null || end == null || kind == null || name == null) {
                continue;
            }
            if (!end.isAfter(start)) {
                problems.add(FieldProblem.of(line(at, Property.DTEND, begin), "problem.holidays.dtend", end, start));
                continue;
            }
            if (start.plusDays(366).isBefore(end)) {
                problems.add(FieldProblem.of(line(at, Property.DTEND, begin), "problem.holidays.event-too-long"));
                continue;
            }
            for (LocalDate date = start; date.isBefore(end); date = date.plusDays(1)) {
                add(days, problems, seen, new CalendarDay(date, kind, name), line(at, Property.DTSTART, begin), begin);
            }
            if (days.size() > MAX_DAYS) {
                problems.add(FieldProblem.of("line " + begin, "problem.holidays.too-many", MAX_DAYS));
                break;
            }
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(days), List.of()) : new Parsed(List.of(), problems);
    }

    private static void add(List<CalendarDay> days, List<FieldProblem> problems, Map<LocalDate, Long> seen,
            CalendarDay day, String at, long line) {
        Long first = seen.putIfAbsent(day.date(), line);
        if (first != null) {
            problems.add(FieldProblem.of(at, "problem.holidays.twice", day.date(), first));
        } else {
            days.add(day);
        }
    }

    private static LocalDate date(VEvent event, String property, Map<String, Integer> at, int begin,
            List<FieldProblem> problems) {
        Optional<Property> value = event.getProperty(property);
        String line = line(at, property, begin);
        if (value.isEmpty()) {
            problems.add(FieldProblem.of(line, "problem.holidays.no-property", property));
            return null;
        }
        String text = value.get().getValue();
        if (text == null || !text.matches("\\d{8}")) {
            problems.add(FieldProblem.of(line, "problem.holidays.whole-day", property, ApiProblems.echo(text)));
            return null;
        }
        try {
            return inYears(LocalDate.parse(text, BASIC_DATE), line, property, problems);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(line, "problem.holidays.not-date", property, text));
            return null;
        }
    }

    /** The date, or null with a problem if it lies outside the years a calendar holds. */
    private static LocalDate inYears(LocalDate date, String at, String what, List<FieldProblem> problems) {
        if (date.getYear() < SlaInputs.FIRST_HOLIDAY_YEAR || date.getYear() > SlaInputs.LAST_YEAR) {
            problems.add(FieldProblem.of(at, "problem.holidays.years", what, date, SlaInputs.FIRST_HOLIDAY_YEAR,
                    SlaInputs.LAST_YEAR));
            return null;
        }
        return date;
    }

    /** The day's name as the text rules allow it, or null with a problem naming the line and the column. */
    private static String name(String value, String at, String what, List<FieldProblem> problems) {
        Optional<Reason> refused = TextRules.line(value, NAME_LENGTH);
        if (refused.isPresent()) {
            problems.add(FieldProblem.of(at, "problem.named", what, refused.get()));
            return null;
        }
        return value == null ? "" : value.strip();
    }

    private static String line(Map<String, Integer> at, String property, int begin) {
        return "line " + at.getOrDefault(property, begin);
    }

    /** For each VEVENT in order, the line numbers of BEGIN and of each property's first appearance. */
    private static List<Map<String, Integer>> propertyLines(String text) {
        var events = new ArrayList<Map<String, Integer>>();
        Map<String, Integer> current = null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:VEVENT")) {
                current = new HashMap<>();
                current.put("BEGIN", i + 1);
                events.add(current);
            } else if (upper.startsWith("END:VEVENT")) {
                current = null;
            } else if (current != null) {
                String name = upper.split("[;:]", 2)[0];
                current.putIfAbsent(name, i + 1);
            }
        }
        return events;
    }

    /**
     * Lines that are no content line ({@code NAME;PARAM=…:value}), folded continuations aside, and lines with a
     * character no text may hold (the iCalendar reader would drop it silently).
     */
    private static List<FieldProblem> malformedLines(String text) {
        var problems = new ArrayList<FieldProblem>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Optional<Reason> forbidden = TextRules.forbiddenCharacter(line);
            if (forbidden.isPresent()) {
                problems.add(new FieldProblem("line " + (i + 1), forbidden.get()));
                continue;
            }
            if (line.isEmpty() || line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            if (!CONTENT_LINE.matcher(line).matches()) {
                problems.add(FieldProblem.of("line " + (i + 1), "problem.holidays.ics-content-line", abbreviated(line)));
            }
        }
        return problems;
    }

    private static String abbreviated(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    private static String reason(ParserException e) {
        Throwable cause = e.getCause();
        String message = cause != null && cause.getMessage() != null ? cause.getMessage()
                : e.getMessage() == null ? "cannot be read" : e.getMessage();
        return message.replaceFirst("^Error at line \\d+:\\s*", "");
    }

    static Optional<DayKind> kindOf(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "HOLIDAY", "OFF", "假日", "放假" -> Optional.of(DayKind.HOLIDAY);
            case "WORKDAY", "MAKEUP", "MAKE_UP", "MAKEUP_WORKDAY", "调休", "上班", "调休上班" -> Optional.of(DayKind.MAKEUP_WORKDAY);
            default -> Optional.empty();
        };
    }

    private static String writeCsv(List<CalendarDay> days) {
        var out = new StringBuilder();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("date", "kind", "name")
                .setRecordSeparator("\n").get())) {
            for (CalendarDay day : days) {
                printer.printRecord(day.date(), day.kind() == DayKind.HOLIDAY ? "holiday" : "workday", day.name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String writeIcs(String calendarCode, List<CalendarDay> days, Instant now) {
        var calendar = new Calendar();
        calendar.add(new ProdId("-//TierDesk//SLA calendar " + calendarCode + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        var stamp = new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        var sorted = new TreeMap<LocalDate, CalendarDay>();
        days.forEach(day -> sorted.put(day.date(), day));
        for (CalendarDay day : sorted.values()) {
            var event = new VEvent(day.date(), day.date().plusDays(1), day.name());
            event.add(new Uid(day.date().format(BASIC_DATE) + "-" + calendarCode + "@tierdesk"));
            event.add(stamp);
            event.add(new Categories(day.kind().name()));
            calendar.add(event);
        }
        return calendar.toString();
    }
}
