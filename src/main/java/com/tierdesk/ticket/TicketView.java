package com.tierdesk.ticket;

import com.tierdesk.sla.TicketType;

/**
 * A saved view: a named filter and order of the open tickets, its owner's alone ({@code team} null) or shared with
 * one of the owner's teams. {@code assignee} and {@code unassigned} narrow it to one person's or the unassigned
 * tickets; every other filter left null is not applied.
 */
public record TicketView(long id, String name, String owner, String team, String assignee, boolean unassigned,
                         String tier, TicketType type, TicketStatus status, IntakeChannel channel, SlaRisk risk,
                         Sort sort) {

    /** The ticket due first first, or the one due last first. */
    public enum Sort {
        DUE, DUE_LAST
    }

    /** Whether the view is shared with a team rather than its owner's alone. */
    public boolean shared() {
        return team != null;
    }
}
