package com.tierdesk.ticket;

import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import java.util.List;

/** New values for a ticket's priority, type and tags; {@code null} leaves one as it is. */
public record TicketChange(Priority priority, TicketType type, List<String> tags) {
}
