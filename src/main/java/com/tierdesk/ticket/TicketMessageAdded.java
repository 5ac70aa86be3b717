package com.tierdesk.ticket;

/**
 * A message was added to a ticket's conversation, published in the transaction that added it, so that a listener's
 * writes (the email of an agent's reply in the notification outbox) commit with it or not at all.
 */
public record TicketMessageAdded(Ticket ticket, TicketMessage message) {
}
