package com.tierdesk.ticket;

import com.tierdesk.sla.Priority;
import java.util.List;

/**
 * One change made to a selection of tickets: assign them (to {@code assignee}), move them to {@code status}, give them
 * {@code priority}, or add {@code tags} to theirs. Only the value its kind needs is read.
 */
public record BulkAction(Kind kind, String assignee, TicketStatus status, Priority priority, List<String> tags) {

    public enum Kind {
        ASSIGN, STATUS, PRIORITY, TAGS
    }

    public static BulkAction assign(String assignee) {
        return new BulkAction(Kind.ASSIGN, assignee, null, null, null);
    }

    public static BulkAction status(TicketStatus status) {
        return new BulkAction(Kind.STATUS, null, status, null, null);
    }

    public static BulkAction priority(Priority priority) {
        return new BulkAction(Kind.PRIORITY, null, null, priority, null);
    }

    public static BulkAction tags(List<String> tags) {
        return new BulkAction(Kind.TAGS, null, null, null, tags);
    }
}
