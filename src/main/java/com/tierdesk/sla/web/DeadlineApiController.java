package com.tierdesk.sla.web;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.InvalidValue;
import com.tierdesk.sla.Channel;
import com.tierdesk.sla.ClockQuery;
import com.tierdesk.sla.DeadlineQuery;
import com.tierdesk.sla.DeadlineSteps;
import com.tierdesk.sla.DurationQuery;
import com.tierdesk.sla.DurationTrace;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.SolvedWithoutReply;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TierChangeRule;
import com.tierdesk.sla.internal.DurationText;
import com.tierdesk.sla.internal.SlaInputs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/sla")
@PreAuthorize("isAuthenticated()")
@Tag(name = "SLA deadlines", description = "Deadlines, SLA clocks and their trace")
class DeadlineApiController {

    private final SlaDeadlines deadlines;
    private final TraceText text;

    DeadlineApiController(SlaDeadlines deadlines, TraceText text) {
        this.deadlines = deadlines;
        this.text = text;
    }

    @PostMapping("/deadlines")
    @Operation(summary = "Compute a ticket's deadlines with their trace", description = "Every target of the matching "
            + "policy row(s), due from start with the clock held during pauses (at most 1,000), and the trace: policy "
            + "version and rows and why, calendars and their holiday data (a year without data is a warning), pauses, "
            + "and each deadline's steps. Instants lie between the years 1970 and 2200. lines are in the request's "
            + "language (?lang=en or zh-CN).")
    TraceResponse deadlines(@RequestBody DeadlineRequest request, Locale locale) {
        var problems = new ArrayList<FieldProblem>();
        var query = new DeadlineQuery(request.customer(), request.tier(),
                SlaInputs.parse(TicketType.class, "type", request.type(), false, problems),
                SlaInputs.parse(Priority.class, "priority", request.priority(), true, problems),
                SlaInputs.parse(Channel.class, "channel", request.channel(), true, problems),
                Boolean.TRUE.equals(request.agentsOnline()), request.start(), pauses(request.pauses(), problems),
                request.policyVersion(), request.calendar());
        refuse(problems.isEmpty() ? problems : deadlines.check(query, problems));
        return answer(deadlines.deadlines(query), locale);
    }

    @PostMapping("/deadlines/duration")
    @Operation(summary = "Compute a plain duration's deadline with its trace", description = "\"8 business hours "
            + "from start on calendar\": duration (8h, 1h30m, 45m or PT8H; longer than zero, at most 366 days) of "
            + "working time on the calendar (calendar time on a 24x7 calendar) from start, the clock held during "
            + "pauses (at most 1,000). The answer: the due instant, the calendar with its holiday data for the years "
            + "spanned (a year without data is a warning), the steps, and lines in the request's language (?lang=en "
            + "or zh-CN). 422 names each field refused.")
    DurationResponse duration(@RequestBody DurationRequest request, Locale locale) {
        var problems = new ArrayList<FieldProblem>();
        Duration duration = null;
        if (request.duration() != null) {
            try {
                duration = DurationText.parse(request.duration());
            } catch (InvalidValue e) {
                problems.add(new FieldProblem("duration", e.reason()));
            }
        }
        var query = new DurationQuery(request.calendar(), request.start(), duration,
                pauses(request.pauses(), problems));
        refuse(deadlines.check(query, problems));
        DurationTrace trace = deadlines.duration(query);
        TraceText.Written written = text.write(trace, locale);
        return new DurationResponse(trace.calendar().code(), trace.start(), trace.duration(), trace.pauses(),
                trace.due(), trace.calendar(), trace.steps(), written.warnings(), written.lines());
    }

    @PostMapping("/clocks")
    @Operation(summary = "Replay a ticket's SLA clocks from its history", description = "history: events in time "
            + "order (at most 10,000), the first CREATED with the tier; kinds CREATED, PENDING_ON_CUSTOMER, "
            + "PENDING_ON_THIRD_PARTY, RESUMED, AGENT_PUBLIC_REPLY, CUSTOMER_MESSAGE, RETURN_DECIDED, SOLVED, REOPENED, "
            + "TIER_CHANGED (with tier). now (default the present) may not precede the creation. Each target: due, "
            + "elapsed and remaining business time, status (ON_TRACK, AT_RISK, BREACHED, MET, NOT_APPLICABLE), what "
            + "ended it (endedBy AGENT_REPLY, RETURN_DECIDED, SOLVED, TIER_CHANGED) and when it next changes. rule "
            + "(KEEP_BETTER or RE_BASELINE) and solvedWithoutReply (NOT_APPLICABLE, MET or BREACHED) override the "
            + "configured rules.")
    TraceResponse clocks(@RequestBody ClockRequest request, Locale locale) {
        var problems = new ArrayList<FieldProblem>();
        List<EventRequest> events = request.history() == null ? List.of() : request.history();
        if (!SlaInputs.atMost("history", events, SlaDeadlines.MAX_EVENTS, problems)) {
            refuse(problems);
        }
        var history = new ArrayList<TicketEvent>();
        for (int i = 0; i < events.size(); i++) {
            EventRequest event = events.get(i);
            if (event == null) {
                problems.add(FieldProblem.of("history[" + i + "]", "problem.missing"));
                continue;
            }
            TicketEvent.Kind kind = SlaInputs.parse(TicketEvent.Kind.class, "history[" + i + "].kind", event.kind(),
                    false, problems);
            if (event.at() == null) {
                problems.add(FieldProblem.of("history[" + i + "].at", "problem.missing"));
            } else if (kind != null) {
                try {
                    history.add(new TicketEvent(event.at(), kind, event.tier()));
                } catch (InvalidValue e) {
                    problems.add(new FieldProblem("history[" + i + "].tier", e.reason()));
                }
            }
        }
        var query = new ClockQuery(request.customer(),
                SlaInputs.parse(TicketType.class, "type", request.type(), false, problems),
                SlaInputs.parse(Priority.class, "priority", request.priority(), true, problems),
                SlaInputs.parse(Channel.class, "channel", request.channel(), true, problems),
                Boolean.TRUE.equals(request.agentsOnline()), history, request.now(), request.policyVersion(),
                SlaInputs.parse(TierChangeRule.class, "rule", request.rule(), true, problems),
                SlaInputs.parse(SolvedWithoutReply.class, "solvedWithoutReply", request.solvedWithoutReply(), true,
                        problems));
        refuse(problems);
        return answer(deadlines.clocks(query), locale);
    }

    private TraceResponse answer(SlaTrace trace, Locale locale) {
        return TraceResponse.of(trace, text.write(trace, locale));
    }

    record DeadlineRequest(String customer, String tier, String type, String priority, String channel,
                           Boolean agentsOnline, Instant start, List<PauseRequest> pauses, Integer policyVersion,
                           String calendar) {
    }

    record DurationRequest(String calendar, Instant start, String duration, List<PauseRequest> pauses) {
    }

    /** A plain duration's due instant, its calendar and holiday data, its steps and the trace's lines. */
    record DurationResponse(String calendar, Instant start, Duration duration, List<Pause> pauses, Instant due,
                            SlaTrace.CalendarUse calendarUse, DeadlineSteps steps, List<String> warnings,
                            List<String> lines) {
    }

    record ClockRequest(String customer, String type, String priority, String channel, Boolean agentsOnline,
                        List<EventRequest> history, Instant now, Integer policyVersion, String rule,
                        String solvedWithoutReply) {
    }

    record PauseRequest(Instant from, Instant to) {
    }

    record EventRequest(Instant at, String kind, String tier) {
    }

    private static List<Pause> pauses(List<PauseRequest> requests, List<FieldProblem> problems) {
        List<PauseRequest> list = requests == null ? List.of() : requests;
        if (!SlaInputs.atMost("pauses", list, SlaDeadlines.MAX_PAUSES, problems)) {
            return List.of();
        }
        var pauses = new ArrayList<Pause>();
        for (int i = 0; i < list.size(); i++) {
            PauseRequest pause = list.get(i);
            if (pause == null || pause.from() == null || pause.to() == null) {
                problems.add(FieldProblem.of("pauses[" + i + "]", "problem.from-and-to"));
            } else if (pause.to().isBefore(pause.from())) {
                problems.add(FieldProblem.of("pauses[" + i + "].to", "problem.to-before-from"));
            } else {
                pauses.add(new Pause(pause.from(), pause.to()));
            }
        }
        return pauses;
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
