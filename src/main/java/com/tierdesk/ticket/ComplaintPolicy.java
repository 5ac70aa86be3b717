package com.tierdesk.ticket;

import com.tierdesk.shared.Reason;
import com.tierdesk.sla.TicketType;
import java.util.Optional;

/**
 * What the complaint flow allows, as named rules each with the reason for its refusal: only a complaint ticket has
 * the flow; a closed ticket takes no more of it; the stages come in order (record, cause, solution, follow-up), each
 * once; a complaint is escalated once.
 */
final class ComplaintPolicy {

    private ComplaintPolicy() {
    }

    static Optional<Reason> refusesStage(Ticket ticket, Complaint complaint, ComplaintStage stage) {
        return refusesFlow(ticket).or(() -> {
            if (complaint.recorded(stage)) {
                return Optional.of(Reason.of("problem.ticket.complaint.stage-recorded", stage));
            }
            ComplaintStage previous = stage.previous();
            if (previous != null && !complaint.recorded(previous)) {
                return Optional.of(Reason.of("problem.ticket.complaint.stage-order", stage, previous));
            }
            return Optional.empty();
        });
    }

    static Optional<Reason> refusesEscalation(Ticket ticket, Complaint complaint) {
        return refusesFlow(ticket).or(() -> complaint.escalated()
                ? Optional.of(Reason.of("problem.ticket.complaint.escalated", complaint.specialist()))
                : Optional.empty());
    }

    static Optional<Reason> refusesFlow(Ticket ticket) {
        if (ticket.type() != TicketType.COMPLAINT) {
            return Optional.of(Reason.of("problem.ticket.complaint.not-a-complaint", ticket.id().value()));
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            return Optional.of(Reason.of("problem.ticket.closed-takes-no-change", ticket.id().value()));
        }
        return Optional.empty();
    }
}
