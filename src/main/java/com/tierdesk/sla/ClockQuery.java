package com.tierdesk.sla;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA clocks from its history: the tier at creation is the CREATED event's; {@code now} null means
 * the present, {@code rule} and {@code solvedWithoutReply} null the configured rules (others make a what-if).
 */
public record ClockQuery(String customer, TicketType type, Priority priority, Channel channel, boolean agentsOnline,
                         List<TicketEvent> history, Instant now, Integer policyVersion, TierChangeRule rule,
                         SolvedWithoutReply solvedWithoutReply) {

    public ClockQuery {
        history = history == null ? List.of() : List.copyOf(history);
        channel = channel == null ? Channel.WEB_FORM : channel;
    }
}
