package com.tierdesk.ticket;

import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import java.util.List;

/**
 * A new ticket: the customer by code, where it came in, who asked, what about, and optionally the request's text
 * (stored as the first customer message), tags, attachments and an assignee (an account name).
 */
public record TicketDraft(IntakeChannel channel, String customer, Requester requester, String subject,
                          TicketType type, Priority priority, String description, List<String> tags,
                          List<Attachment> attachments, String assignee) {

    public TicketDraft {
        requester = requester == null ? Requester.NONE : requester;
        tags = tags == null ? List.of() : tags;
        attachments = attachments == null ? List.of() : attachments;
    }
}
