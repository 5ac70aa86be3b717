package com.tierdesk.ticket;

import java.time.Instant;

/** One message of a ticket's conversation. */
public record TicketMessage(long id, MessageKind kind, String author, String body, Instant at) {
}
