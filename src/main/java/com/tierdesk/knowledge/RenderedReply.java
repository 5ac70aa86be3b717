package com.tierdesk.knowledge;

/** A quick reply filled in for one ticket, ready to send or edit. */
public record RenderedReply(long template, long ticket, String text) {
}
