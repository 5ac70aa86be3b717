package com.tierdesk.sla.web;

import com.tierdesk.sla.Channel;
import com.tierdesk.sla.DeadlineSteps;
import com.tierdesk.sla.Pause;
import com.tierdesk.sla.PolicyNote;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.SlaTarget;
import com.tierdesk.sla.SlaTrace;
import com.tierdesk.sla.TargetClock;
import com.tierdesk.sla.TicketType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace as the API answers it: the facts of {@link SlaTrace} and, in the request's language, its warnings and
 * lines (all of them, and each target's).
 */
record TraceResponse(int policyVersion, PolicyNote policyNote, String customer, String tier, TicketType type,
                     Priority priority, Channel channel, Instant start, List<Pause> pauses, SlaTrace.ClockRules rules,
                     List<Target> targets, List<SlaTrace.CalendarUse> calendars, List<String> warnings,
                     List<String> lines) {

    /** One target: its row (by index in the policy version, −1 for the live-chat rule), due instant, clock, steps. */
    record Target(SlaTarget target, String tier, Duration duration, String calendar, int rowIndex, Instant due,
                  TargetClock clock, DeadlineSteps steps, List<String> lines) {
    }

    static TraceResponse of(SlaTrace trace, TraceText.Written text) {
        var targets = new ArrayList<Target>();
        for (int i = 0; i < trace.targets().size(); i++) {
            SlaTrace.TargetTrace t = trace.targets().get(i);
            targets.add(new Target(t.target(), t.tier(), t.duration(), t.calendar(), t.rowIndex(), t.due(), t.clock(),
                    t.steps(), text.targets().get(i)));
        }
        return new TraceResponse(trace.policy().version(), trace.policy().note(), trace.customer(), trace.tier(),
                trace.type(), trace.priority(), trace.channel(), trace.start(), trace.pauses(), trace.rules(),
                List.copyOf(targets), trace.calendars(), text.warnings(), text.lines());
    }
}
