package com.tierdesk.ticket;

import java.time.Instant;

/**
 * One message of a ticket's conversation.
 *
 * @param mergedFrom the id of the ticket the message was written on when a merge carried it over to this one, else null
 */
public record TicketMessage(long id, MessageKind kind, String author, String body, Instant at, Long mergedFrom) {
}
