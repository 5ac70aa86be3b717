package com.tierdesk.ticket;

/** A message to add to a ticket's conversation. */
public record MessageDraft(MessageKind kind, String body) {
}
