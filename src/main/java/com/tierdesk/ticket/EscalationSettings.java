package com.tierdesk.ticket;

import com.tierdesk.sla.ClockStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The escalation steps ({@code tierdesk.tickets.escalation.steps[n].*}, see docs/tickets.md), in order: each is taken
 * {@code after} a target became {@code when} (at risk or breached), once per ticket and target, never outside the
 * working time of a business-hours calendar.
 */
@ConfigurationProperties("tierdesk.tickets.escalation")
public record EscalationSettings(List<Step> steps) {

    public EscalationSettings {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** One step: what to do, how long after the target became at risk or breached. */
    public record Step(ClockStatus when, Duration after, EscalationAction action) {

        public Step {
            if (when != ClockStatus.AT_RISK && when != ClockStatus.BREACHED) {
                throw new IllegalArgumentException("an escalation step follows AT_RISK or BREACHED, not " + when);
            }
            after = after == null ? Duration.ZERO : after;
            if (after.isNegative()) {
                throw new IllegalArgumentException("an escalation step cannot come before its trigger: " + after);
            }
            Objects.requireNonNull(action, "action");
        }
    }
}
