package com.tierdesk.sla.web;

import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidValue;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Refusal;
import com.tierdesk.shared.TextRules;
import com.tierdesk.sla.Channel;
import com.tierdesk.sla.ClockEnd;
import com.tierdesk.sla.ClockQuery;
import com.tierdesk.sla.ClockStatus;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.SlaPolicies;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TierChangeRule;
import com.tierdesk.sla.internal.SlaInputs;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * The clock replay: a ticket's history, one event a line ({@code 2025-03-04 10:00 CREATED KEY}), in; every
 * target's clock as of a moment (due, status, what ended it) and the trace out. A GET form, so a replay can be
 * bookmarked; times are local in the business time zone.
 */
@Controller
@RequestMapping("/sla/clocks")
@PreAuthorize("isAuthenticated()")
class ClockConsoleController {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SlaDeadlines deadlines;
    private final SlaPolicies policies;
    private final BusinessTime time;
    private final TraceText text;
    private final ProblemMessages problemMessages;

    ClockConsoleController(SlaDeadlines deadlines, SlaPolicies policies, BusinessTime time, TraceText text,
            ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.deadlines = deadlines;
        this.policies = policies;
        this.time = time;
        this.text = text;
    }

    @GetMapping
    String replay(@RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "false") boolean agentsOnline,
            @RequestParam(defaultValue = "") String history, @RequestParam(defaultValue = "") String now,
            @RequestParam(defaultValue = "") String rule, @RequestParam(defaultValue = "") String solvedWithoutReply,
            @RequestParam(required = false) Integer version, Locale locale, Model model) {
        ZoneId zone = time.zone();
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("rules", TierChangeRule.values());
        model.addAttribute("solvedRules", SolvedWithoutReply.values());
        model.addAttribute("versions", policies.versions());
        model.addAttribute("zone", zone.getId());
        model.addAttribute("q", new Inputs(type, priority, channel, agentsOnline, history, now, rule,
                solvedWithoutReply, version));
        if (history.isBlank()) {
            return "sla/clocks";
        }
        var problems = new ArrayList<FieldProblem>();
        var query = new ClockQuery(null, SlaInputs.parse(TicketType.class, "type", type, false, problems),
                SlaInputs.parse(Priority.class, "priority", priority, true, problems),
                SlaInputs.parse(Channel.class, "channel", channel, true, problems), agentsOnline,
                history(history, zone, problems),
                now.isBlank() ? null : DeadlineConsoleController.local(now, zone, "now", problems), version,
                SlaInputs.parse(TierChangeRule.class, "rule", rule, true, problems),
                SlaInputs.parse(SolvedWithoutReply.class, "solvedWithoutReply", solvedWithoutReply, true, problems));
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problemMessages.show(problems));
            return "sla/clocks";
        }
        try {
            SlaTrace trace = deadlines.clocks(query);
            model.addAttribute("trace", text.write(trace, locale));
            model.addAttribute("rows", trace.targets().stream().map(t -> new ClockRow(t.target(), t.tier(),
                    LOCAL.format(t.due().atZone(zone)), t.clock().status(), t.clock().endedBy(),
                    t.clock().endedAt() == null ? "" : LOCAL.format(t.clock().endedAt().atZone(zone)))).toList());
        } catch (Refusal e) {
            model.addAttribute("problems", problemMessages.show(e.problems()));
        }
        return "sla/clocks";
    }

    /** One target of the result table, its times local in the business time zone. */
    record ClockRow(SlaTarget target, String tier, String due, ClockStatus status, ClockEnd endedBy, String endedAt) {
    }

    /** The form's values as entered, to show them again. */
    record Inputs(String type, String priority, String channel, boolean agentsOnline, String history, String now,
                  String rule, String solvedWithoutReply, Integer version) {
    }

    /** One event a line: local date and time, kind, and the tier for CREATED and TIER_CHANGED. */
    static List<TicketEvent> history(String text, ZoneId zone, List<FieldProblem> problems) {
        var events = new ArrayList<TicketEvent>();
        var refused = TextRules.multiline(text, 64 * SlaDeadlines.MAX_EVENTS);
        if (refused.isPresent()) {
            problems.add(new FieldProblem("history", refused.get()));
            return events;
        }
        String[] lines = text.split("\\R");
        if (!SlaInputs.atMost("history", List.of(lines), SlaDeadlines.MAX_EVENTS, problems)) {
            return events;
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String field = "history, line " + (i + 1);
            String[] parts = line.split("\\s+");
            if (parts.length < 3 || parts.length > 4) {
                problems.add(FieldProblem.of(field, "problem.clock.event-line", ApiProblems.echo(line)));
                continue;
            }
            Instant at = DeadlineConsoleController.local(parts[0] + " " + parts[1], zone, field, problems);
            var kindProblems = new ArrayList<FieldProblem>();
            TicketEvent.Kind kind = SlaInputs.parse(TicketEvent.Kind.class, "kind", parts[2], false, kindProblems);
            kindProblems.forEach(problem -> problems.add(new FieldProblem(field, problem.reason())));
            if (at != null && kind != null) {
                try {
                    events.add(new TicketEvent(at, kind, parts.length == 4 ? parts[3].toUpperCase(Locale.ROOT) : null));
                } catch (InvalidValue e) {
                    problems.add(new FieldProblem(field, e.reason()));
                }
            }
        }
        return events;
    }
}
