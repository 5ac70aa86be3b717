package com.tierdesk.sla.web;

import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.sla.Channel;
import com.tierdesk.sla.ClockQuery;
import com.tierdesk.sla.DeadlineQuery;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaDeadlines;
import com.tierdesk.sla.SlaInputs;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TicketEvent;
import com.tierdesk.sla.TicketType;
import com.tierdesk.sla.TierChangeRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    DeadlineApiController(SlaDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @PostMapping("/deadlines")
    @Operation(summary = "Compute a ticket's deadlines with their trace", description = "Every target of the matching "
            + "policy row(s), due from start with the clock held during pauses, and the trace: policy version and "
            + "rows and why, calendars and their holiday data (a year without data is a warning), pauses, and each "
            + "deadline's steps. lines are in the request's language (?lang=en or zh-CN).")
    SlaTrace deadlines(@RequestBody DeadlineRequest request, Locale locale) {
        var problems = new ArrayList<FieldProblem>();
        var query = new DeadlineQuery(request.customer(), request.tier(),
                RequestValues.parse(TicketType.class, "type", request.type(), false, problems),
                RequestValues.parse(Priority.class, "priority", request.priority(), true, problems),
                RequestValues.parse(Channel.class, "channel", request.channel(), true, problems),
                Boolean.TRUE.equals(request.agentsOnline()), request.start(),
                RequestValues.pauses(request.pauses(), problems), request.policyVersion(), request.calendar());
        RequestValues.check(problems.isEmpty() ? problems : deadlines.check(query, problems));
        return deadlines.deadlines(query, locale);
    }

    @PostMapping("/clocks")
    @Operation(summary = "Replay a ticket's SLA clocks from its history", description = "history: events in time "
            + "order, the first CREATED with the tier; kinds " + "CREATED, PENDING_ON_CUSTOMER, PENDING_ON_THIRD_PARTY, "
            + "RESUMED, AGENT_PUBLIC_REPLY, CUSTOMER_MESSAGE, RETURN_DECIDED, SOLVED, REOPENED, TIER_CHANGED (with "
            + "tier). Each target: due, elapsed and remaining business time, status (ON_TRACK, AT_RISK, BREACHED, "
            + "MET) and when it next changes. rule KEEP_BETTER or RE_BASELINE overrides the configured tier-change rule.")
    SlaTrace clocks(@RequestBody ClockRequest request, Locale locale) {
        var problems = new ArrayList<FieldProblem>();
        var history = new ArrayList<TicketEvent>();
        List<EventRequest> events = request.history() == null ? List.of() : request.history();
        for (int i = 0; i < events.size(); i++) {
            EventRequest event = events.get(i);
            TicketEvent.Kind kind = RequestValues.parse(TicketEvent.Kind.class, "history[" + i + "].kind",
                    event.kind(), false, problems);
            if (event.at() == null) {
                problems.add(new FieldProblem("history[" + i + "].at", "is missing"));
            } else if (kind != null) {
                try {
                    history.add(new TicketEvent(event.at(), kind, event.tier()));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("history[" + i + "].tier", e.getMessage()));
                }
            }
        }
        var query = new ClockQuery(request.customer(),
                RequestValues.parse(TicketType.class, "type", request.type(), false, problems),
                RequestValues.parse(Priority.class, "priority", request.priority(), true, problems),
                RequestValues.parse(Channel.class, "channel", request.channel(), true, problems),
                Boolean.TRUE.equals(request.agentsOnline()), history, request.now(), request.policyVersion(),
                RequestValues.parse(TierChangeRule.class, "rule", request.rule(), true, problems));
        RequestValues.check(problems);
        return deadlines.clocks(query, locale);
    }

    record DeadlineRequest(String customer, String tier, String type, String priority, String channel,
                           Boolean agentsOnline, Instant start, List<PauseRequest> pauses, Integer policyVersion,
                           String calendar) {
    }

    record ClockRequest(String customer, String type, String priority, String channel, Boolean agentsOnline,
                        List<EventRequest> history, Instant now, Integer policyVersion, String rule) {
    }

    record PauseRequest(Instant from, Instant to) {
    }

    record EventRequest(Instant at, String kind, String tier) {
    }

    /** Reading request values into the SLA engine's types, collecting every problem. */
    static final class RequestValues {

        private RequestValues() {
        }

        static <E extends Enum<E>> E parse(Class<E> type, String field, String text, boolean optional,
                List<FieldProblem> problems) {
            return SlaInputs.parse(type, field, text, optional, problems);
        }

        static List<Pause> pauses(List<PauseRequest> requests, List<FieldProblem> problems) {
            var pauses = new ArrayList<Pause>();
            List<PauseRequest> list = requests == null ? List.of() : requests;
            for (int i = 0; i < list.size(); i++) {
                PauseRequest pause = list.get(i);
                if (pause.from() == null || pause.to() == null) {
                    problems.add(new FieldProblem("pauses[" + i + "]", "needs from and to"));
                } else if (pause.to().isBefore(pause.from())) {
                    problems.add(new FieldProblem("pauses[" + i + "].to", "is before from"));
                } else {
                    pauses.add(new Pause(pause.from(), pause.to()));
                }
            }
            return pauses;
        }

        static void check(List<FieldProblem> problems) {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
    }
}
