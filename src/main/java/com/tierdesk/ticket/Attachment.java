package com.tierdesk.ticket;

/** A file attached to a ticket, by its metadata only: the content lives where {@code reference} points. */
public record Attachment(String name, long size, String contentType, String reference) {
}
