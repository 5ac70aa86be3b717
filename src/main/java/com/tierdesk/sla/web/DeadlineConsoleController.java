package com.tierdesk.sla.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.Channel;
import com.tierdesk.sla.DeadlineQuery;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaCalendars;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.SlaPolicies;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.internal.DurationText;
import com.tierdesk.sla.internal.SlaInputs;
import com.tierdesk.tiering.TierCatalog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deadline calculator: tier, type, priority, channel, start and optional pauses (local times in the display
 * zone) in; every target's due instant and the trace out. A GET form, so a result can be bookmarked.
 */
@Controller
@RequestMapping("/sla/calculator")
@PreAuthorize("isAuthenticated()")
class DeadlineConsoleController {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SlaDeadlines deadlines;
    private final SlaPolicies policies;
    private final SlaCalendars calendars;
    private final TierCatalog tiers;
    private final BusinessTime time;
    private final TraceText text;
    private final ProblemMessages problemMessages;

    DeadlineConsoleController(SlaDeadlines deadlines, SlaPolicies policies, SlaCalendars calendars, TierCatalog tiers,
            BusinessTime time, TraceText text,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.deadlines = deadlines;
        this.policies = policies;
        this.calendars = calendars;
        this.tiers = tiers;
        this.time = time;
        this.text = text;
    }

    @GetMapping
    String calculate(@RequestParam(defaultValue = "") String customer, @RequestParam(defaultValue = "") String tier,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "false") boolean agentsOnline,
            @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String pauses,
            @RequestParam(defaultValue = "") String calendar, @RequestParam(required = false) Integer version,
            Locale locale, Model model) {
        ZoneId zone = time.zone();
        model.addAttribute("tiers", tiers.tiers());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("calendarCodes", calendars.codes());
        model.addAttribute("versions", policies.versions());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("q", new Inputs(customer, tier, type, priority, channel, agentsOnline, start, pauses,
                calendar, version));
        if (start.isBlank()) {
            return "sla/calculator";
        }
        var problems = new ArrayList<FieldProblem>();
        var query = new DeadlineQuery(customer.isBlank() ? null : customer, tier,
                SlaInputs.parse(TicketType.class, "type", type, false, problems),
                SlaInputs.parse(Priority.class, "priority", priority, true, problems),
                SlaInputs.parse(Channel.class, "channel", channel, true, problems), agentsOnline,
                local(start, zone, "start", problems), pauses(pauses, zone, problems), version,
                calendar.isBlank() ? null : calendar);
        List<FieldProblem> all = deadlines.check(query, problems);
        if (!all.isEmpty()) {
            model.addAttribute("problems", all);
            return "sla/calculator";
        }
        try {
            SlaTrace trace = deadlines.deadlines(query);
            model.addAttribute("trace", text.write(trace, locale));
            model.addAttribute("rows", trace.targets().stream().map(t -> new DeadlineRow(t.target(),
                    DurationText.format(t.duration()), t.calendar(), DUE.format(t.due().atZone(zone)))).toList());
        } catch (Refusal e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
        }
        return "sla/calculator";
    }

    /** One deadline of the result table, its due instant in the display zone. */
    record DeadlineRow(SlaTarget target, String duration, String calendar, String due) {
    }

    /** The form's values as entered, to show them again. */
    record Inputs(String customer, String tier, String type, String priority, String channel, boolean agentsOnline,
                  String start, String pauses, String calendar, Integer version) {
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
