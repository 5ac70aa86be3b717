package com.tierdesk.ticket;

import java.util.List;

/**
 * A ticket with its conversation, its SLA targets and its timeline, oldest first, and for a complaint its flow
 * ({@code null} for other types).
 */
public record TicketDetail(Ticket ticket, List<TicketMessage> messages, List<TargetOutcome> targets,
                           List<TimelineEntry> timeline, Complaint complaint) {
}
