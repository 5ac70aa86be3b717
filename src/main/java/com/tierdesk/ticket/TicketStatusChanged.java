package com.tierdesk.ticket;

/** A ticket moved to another status ({@code ticket.status()}) by {@code actor}, published in the change's transaction. */
record TicketStatusChanged(Ticket ticket, String actor) {
}
