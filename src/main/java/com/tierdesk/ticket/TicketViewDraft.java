package com.tierdesk.ticket;

import com.tierdesk.sla.TicketType;

/** A saved view as asked for: its name, the team it is shared with (none: personal), its filters and order. */
public record TicketViewDraft(String name, String team, String assignee, boolean unassigned, String tier,
                              TicketType type, TicketStatus status, IntakeChannel channel, SlaRisk risk,
                              TicketView.Sort sort) {
}
