package com.tierdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket that came in before, with what happened to it since, each step at its instant, oldest first: loaded by
 * {@link PastTickets} so that its SLA targets and timeline are what they would have been.
 */
public record PastTicket(TicketDraft draft, Instant openedAt, String openedBy, List<Step> steps) {

    public PastTicket {
        steps = List.copyOf(steps);
    }

    /** A message ({@code kind} and {@code body}) or a status move ({@code status}), by {@code actor} at {@code at}. */
    public record Step(Instant at, String actor, MessageKind kind, String body, TicketStatus status) {

        public static Step message(Instant at, String actor, MessageKind kind, String body) {
            return new Step(at, actor, kind, body, null);
        }

        public static Step status(Instant at, String actor, TicketStatus status) {
            return new Step(at, actor, null, null, status);
        }
    }
}
