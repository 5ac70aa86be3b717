package com.tierdesk.ticket;

import java.util.List;

/** A ticket with its conversation, its SLA targets and its timeline, oldest first. */
public record TicketDetail(Ticket ticket, List<TicketMessage> messages, List<TargetOutcome> targets,
                           List<TimelineEntry> timeline) {
}
