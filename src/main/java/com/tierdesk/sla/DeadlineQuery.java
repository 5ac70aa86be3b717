package com.tierdesk.sla;

import java.time.Instant;
import java.util.List;

/**
 * What to compute deadlines for: a ticket's tier (and optionally its customer's code, for the record), type,
 * priority and channel, its start and the pauses so far; {@code policyVersion} null means the current version,
 * {@code calendar} non-null counts every business-hours target on that calendar instead of the policy's (a what-if).
 */
public record DeadlineQuery(String customer, String tier, TicketType type, Priority priority, Channel channel,
                            boolean agentsOnline, Instant start, List<Pause> pauses, Integer policyVersion,
                            String calendar) {

    public DeadlineQuery {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        channel = channel == null ? Channel.WEB_FORM : channel;
    }
}
