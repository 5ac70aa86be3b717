package com.tierdesk.ticket;

import com.tierdesk.customer.PageSpec;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;

/** Which tickets to list; every filter is optional. The list is ordered by the earliest running target's due. */
public record TicketSearch(TicketStatus status, String customer, String assignee, String tier, TicketType type,
                           Priority priority, PageSpec page) {
}
