package com.tierdesk.ticket;

import com.tierdesk.shared.Reason;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Which status moves a ticket allows, as named rules each with the reason for its refusal: a move is allowed when no
 * rule refuses it. NEW is only where a ticket starts; a solved ticket is reopened or closed, nothing else; only a
 * solved ticket is reopened or closed; a closed ticket is final (a customer writing again opens a follow-up).
 */
public final class StatusPolicy {

    private record Rule(BiPredicate<TicketStatus, TicketStatus> refuses, String reason) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule((from, to) -> from == to, "problem.ticket.status.unchanged"),
            new Rule((from, to) -> from == TicketStatus.CLOSED, "problem.ticket.status.closed-is-final"),
            new Rule((from, to) -> to == TicketStatus.NEW, "problem.ticket.status.new-only-at-intake"),
            new Rule((from, to) -> to == TicketStatus.REOPENED && from != TicketStatus.SOLVED,
                    "problem.ticket.status.reopen-only-solved"),
            new Rule((from, to) -> to == TicketStatus.CLOSED && from != TicketStatus.SOLVED,
                    "problem.ticket.status.close-only-solved"),
            new Rule((from, to) -> from == TicketStatus.SOLVED && to != TicketStatus.REOPENED && to != TicketStatus.CLOSED,
                    "problem.ticket.status.solved-reopen-first"));

    private StatusPolicy() {
    }

    /** Why the move is refused (its arguments: from, to), or empty when it is allowed. */
    public static Optional<Reason> refusal(TicketStatus from, TicketStatus to) {
        return RULES.stream().filter(rule -> rule.refuses().test(from, to)).findFirst()
                .map(rule -> Reason.of(rule.reason(), from, to));
    }
}
