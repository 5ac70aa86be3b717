package com.tierdesk.ticket;

import java.util.Map;

/**
 * A channel that keeps the messages it brought in as their senders wrote them, so that the ticket page shows them so:
 * the email channel keeps a mail's formatted body, the earlier text it quoted and its files. This module asks every
 * implementation and depends on none, so tickets never depend on their channels.
 */
public interface OriginalMessages {

    /** The originals of those of the ticket's messages this channel brought in, by message id. */
    Map<Long, OriginalMessage> of(TicketId ticket);
}
