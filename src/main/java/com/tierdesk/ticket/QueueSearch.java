package com.tierdesk.ticket;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.sla.TicketType;

/**
 * Which open tickets a queue lists: one assignee's, the unassigned ones, or everybody's ({@code assignee} null and
 * {@code unassigned} false); every other filter is optional. {@code status} is one of the open statuses. A queue
 * lists the ticket due first first, or with {@code dueLast} the one due last first.
 */
public record QueueSearch(String assignee, boolean unassigned, String tier, TicketType type, TicketStatus status,
                          IntakeChannel channel, SlaRisk risk, PageSpec page, boolean dueLast) {

    public QueueSearch(String assignee, boolean unassigned, String tier, TicketType type, TicketStatus status,
            IntakeChannel channel, SlaRisk risk, PageSpec page) {
        this(assignee, unassigned, tier, type, status, channel, risk, page, false);
    }

    public static QueueSearch of(String assignee, PageSpec page) {
        return new QueueSearch(assignee, false, null, null, null, null, null, page);
    }
}
