package com.tierdesk.sla.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Refusal;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.Channel;
import com.tierdesk.sla.DeadlineQuery;
import com.tierdesk.sla.DurationQuery;
import com.tierdesk.sla.DurationTrace;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.SlaPolicies;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.internal.SlaInputs;
import com.tierdesk.tiering.TierCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deadline calculator: a matrix row (tier, type, priority, channel) or a plain duration (hours and minutes on a
 * chosen calendar), a start and optional pauses (local times in the display zone) in; the due instants and the
 * trace out, and the problems of the form in the reader's language. A GET form, so a result can be bookmarked.
 */
@Controller
@RequestMapping("/sla/calculator")
@PreAuthorize("isAuthenticated()")
class DeadlineConsoleController {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The most hours the form takes: a leap year's, the longest duration the engine counts. */
    private static final int MAX_HOURS = 366 * 24;
    private static final Pattern PAUSE_LINE = Pattern.compile("pauses, line (\\d+)");
    /** The fields whose problem the form names with one message of its own. */
    private static final Set<String> FIELDS = Set.of("tier", "type", "priority", "channel", "customer", "version",
            "hours", "minutes", "duration");

    private final SlaDeadlines deadlines;
    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final TierCatalog tiers;
    private final BusinessTime time;
    private final TraceText text;
    private final MessageSource messages;

    DeadlineConsoleController(SlaDeadlines deadlines, SlaPolicies policies, SlaCalendars calendars, TierCatalog tiers,
            BusinessTime time, TraceText text, MessageSource messages) {
        this.deadlines = deadlines;
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
        this.time = time;
        this.text = text;
        this.messages = messages;
    }

    @GetMapping
    String calculate(@RequestParam(defaultValue = "row") String mode, @RequestParam(defaultValue = "") String customer,
            @RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String priority, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "false") boolean agentsOnline, @RequestParam(defaultValue = "") String hours,
            @RequestParam(defaultValue = "") String minutes, @RequestParam(defaultValue = "") String start,
            @RequestParam(defaultValue = "") String pauses, @RequestParam(defaultValue = "") String calendar,
            @RequestParam(required = false) Integer version, Locale locale, Model model) {
        ZoneId zone = time.zone();
        boolean plain = "duration".equals(mode);
        model.addAttribute("tiers", tiers.tiers());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("calendarCodes", calendars.codes());
        model.addAttribute("versions", policies.versions());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("q", new Inputs(plain ? "duration" : "row", customer, tier, type, priority, channel,
                agentsOnline, hours, minutes, start, pauses, calendar, version));
        if (start.isBlank()) {
            return "sla/calculator";
        }
        var problems = new ArrayList<FieldProblem>();
        Instant from = local(start, zone, "start", problems);
        List<Pause> held = pauses(pauses, zone, problems);
        try {
            if (plain) {
                var query = new DurationQuery(calendar, from, duration(hours, minutes, problems), held);
                List<FieldProblem> all = deadlines.check(query, problems);
                if (all.isEmpty()) {
                    DurationTrace trace = deadlines.duration(query);
                    model.addAttribute("trace", text.write(trace, locale));
                    model.addAttribute("rows", List.of(new DeadlineRow(null, text.duration(trace.duration(), locale),
                            trace.calendar().code(), DUE.format(trace.due().atZone(zone)))));
                }
                return problems(all, true, start, calendar, locale, model);
            }
            var query = new DeadlineQuery(customer.isBlank() ? null : customer, tier,
                    SlaInputs.parse(TicketType.class, "type", type, false, problems),
                    SlaInputs.parse(Priority.class, "priority", priority, true, problems),
                    SlaInputs.parse(Channel.class, "channel", channel, true, problems), agentsOnline, from, held,
                    version, calendar.isBlank() ? null : calendar);
            List<FieldProblem> all = deadlines.check(query, problems);
            if (all.isEmpty()) {
                SlaTrace trace = deadlines.deadlines(query);
                model.addAttribute("trace", text.write(trace, locale));
                model.addAttribute("rows", trace.targets().stream().map(t -> new DeadlineRow(t.target(),
                        text.duration(t.duration(), locale), t.calendar(), DUE.format(t.due().atZone(zone)))).toList());
            }
            return problems(all, false, start, calendar, locale, model);
        } catch (Refusal e) {
            return problems(e.problems(), plain, start, calendar, locale, model);
        }
    }

    /**
     * The problems in the reader's language, one line a field: what the field takes, so that the line holds
     * whatever was wrong with it (the API answers with the detailed reasons).
     */
    private String problems(List<FieldProblem> problems, boolean plain, String start, String calendar, Locale locale,
            Model model) {
        if (problems.isEmpty()) {
            return "sla/calculator";
        }
        var lines = new LinkedHashSet<String>();
        for (FieldProblem problem : problems) {
            String field = problem.field() == null ? "" : problem.field();
            Matcher line = PAUSE_LINE.matcher(field);
            if (line.matches()) {
                lines.add(message("sla.calculator.problem.pauseLine", line.group(1), locale));
            } else if (field.startsWith("pauses")) {
                lines.add(message("sla.calculator.problem.pauses", String.valueOf(SlaDeadlines.MAX_PAUSES), locale));
            } else if (field.equals("start")) {
                lines.add(message("sla.calculator.problem.start", ApiProblems.echo(start), locale));
            } else if (field.equals("calendar")) {
                String key = calendar.isBlank() && plain ? "missing"
                        : calendar.isBlank() || calendars.codes().contains(calendar.strip()) ? "tooLittle" : "unknown";
                lines.add(message("sla.calculator.problem.calendar." + key, ApiProblems.echo(calendar), locale));
            } else if (FIELDS.contains(field)) {
                lines.add(message("sla.calculator.problem." + field, String.valueOf(MAX_HOURS), locale));
            } else {
                lines.add(message("sla.calculator.problem.other", field, locale));
            }
        }
        model.addAttribute("problems", List.copyOf(lines));
        return "sla/calculator";
    }

    private String message(String key, Object argument, Locale locale) {
        return messages.getMessage(key, new Object[] {argument}, locale);
    }

    /** Whole hours and minutes, each empty for none; their sum is checked by the engine. */
    static Duration duration(String hours, String minutes, List<FieldProblem> problems) {
        Integer h = whole("hours", hours, MAX_HOURS, problems);
        Integer m = whole("minutes", minutes, 59, problems);
        return h == null || m == null ? null : Duration.ofHours(h).plusMinutes(m);
    }

    private static Integer whole(String field, String text, int max, List<FieldProblem> problems) {
        String value = text.strip();
        if (value.isEmpty()) {
            return 0;
        }
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > max) {
            problems.add(FieldProblem.of(field, "problem.between", 0, max));
            return null;
        }
        return Integer.parseInt(value);
    }

    /** One deadline of the result table, its due instant in the display zone; no target for a plain duration. */
    record DeadlineRow(SlaTarget target, String duration, String calendar, String due) {
    }

    /** The form's values as entered, to show them again. */
    record Inputs(String mode, String customer, String tier, String type, String priority, String channel,
                  boolean agentsOnline, String hours, String minutes, String start, String pauses, String calendar,
                  Integer version) {
    }

    /** One pause a line: {@code 2026-02-13 10:00 - 2026-02-13 11:30}. */
    static List<Pause> pauses(String text, ZoneId zone, List<FieldProblem> problems) {
        var pauses = new ArrayList<Pause>();
        var refused = TextRules.multiline(text, 64 * SlaDeadlines.MAX_PAUSES);
        if (refused.isPresent()) {
            problems.add(new FieldProblem("pauses", refused.get()));
            return pauses;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String field = "pauses, line " + (i + 1);
            String[] ends = line.split("\\s+[-–~]\\s+|\\s*[–~]\\s*");
            if (ends.length != 2) {
                problems.add(FieldProblem.of(field, "problem.deadline.pause-line", ApiProblems.echo(line)));
                continue;
            }
            var from = local(ends[0], zone, field, problems);
            var to = local(ends[1], zone, field, problems);
            if (from != null && to != null) {
                if (to.isBefore(from)) {
                    problems.add(FieldProblem.of(field, "problem.ends-before-start"));
                } else {
                    pauses.add(new Pause(from, to));
                }
            }
        }
        return pauses;
    }

    /** A local date and time in the business time zone, e.g. {@code 2026-02-13 17:30}. */
    static Instant local(String text, ZoneId zone, String field, List<FieldProblem> problems) {
        String value = SlaInputs.line(field, text, 64, problems);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "problem.deadline.date-time", ApiProblems.echo(value)));
            return null;
        }
    }
}
