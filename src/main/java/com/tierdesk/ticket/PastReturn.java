package com.tierdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A return requested before (demo data, or returns moved from another system), on the channel it came in by, with
 * what happened to it since, each step at its instant, oldest first: loaded by {@link PastReturns} so that its
 * ticket's SLA targets and timeline are what they would have been.
 */
public record PastReturn(ReturnDraft draft, IntakeChannel channel, Instant requestedAt, String requestedBy,
        List<Step> steps) {

    public PastReturn {
        steps = List.copyOf(steps);
    }

    /**
     * One step by {@code actor} at {@code at}: the return moved to {@code to} (with its note, a rejection's reason),
     * a public reply on its ticket ({@code reply}), or its ticket moved to {@code ticketStatus}.
     */
    public record Step(Instant at, String actor, ReturnStatus to, String note, String reply,
            TicketStatus ticketStatus) {

        public static Step move(Instant at, String actor, ReturnStatus to, String note) {
            return new Step(at, actor, to, note, null, null);
        }

        public static Step reply(Instant at, String actor, String body) {
            return new Step(at, actor, null, null, body, null);
        }

        public static Step ticketStatus(Instant at, String actor, TicketStatus status) {
            return new Step(at, actor, null, null, null, status);
        }
    }
}
