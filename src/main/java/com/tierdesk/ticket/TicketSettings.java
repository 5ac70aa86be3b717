package com.tierdesk.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ticket settings ({@code tierdesk.tickets.*}, see docs/tickets.md): how long a solved ticket waits before it closes
 * (default 4 days), how often the closing task looks (default every 15 minutes), the tier whose SLA a customer
 * no assessment has graded yet gets (default REGULAR), and the language of a requester who did not say theirs
 * (default zh, one of {@code tierdesk.people.languages}).
 */
@ConfigurationProperties("tierdesk.tickets")
public record TicketSettings(@DefaultValue("P4D") Duration closeSolvedAfter,
                             @DefaultValue("PT15M") Duration closeSolvedEvery,
                             @DefaultValue("REGULAR") String tierBeforeAssessment,
                             @DefaultValue("zh") String defaultLanguage) {
}
