package com.tierdesk.sla;

import java.time.Duration;

/**
 * One cell of the policy matrix: for a tier and a ticket type (and a priority, or every priority when
 * {@code priority} is null), how long a target may take and on which calendar it counts.
 */
public record PolicyRow(String tier, TicketType type, Priority priority, SlaTarget target, Duration duration,
                        String calendar) {

    /** Whether the row speaks for the tier, type and priority: its own priority, or any priority when it has none. */
    public boolean appliesTo(String tier, TicketType type, Priority priority) {
        return this.tier.equals(tier) && this.type == type && (this.priority == null || this.priority == priority);
    }

    /** The cell a row fills; two rows of a version never share one. */
    public String cell() {
        return tier + " × " + type + " × " + (priority == null ? "any priority" : priority) + " × " + target;
    }
}
