package com.tierdesk.ticket;

/** An address to copy on a ticket's conversation, with the name to show beside it (optional). */
public record FollowerDraft(String email, String name) {
}
