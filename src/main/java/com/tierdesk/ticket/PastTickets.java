package com.tierdesk.ticket;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads tickets with a past (demo data, or tickets moved from another helpdesk): each is taken in at its instant and
 * goes through its steps at theirs, by the same rules as tickets today, so that its SLA targets, assignment and
 * timeline are what they would have been.
 */
@Service
public class PastTickets {

    private final Tickets tickets;

    PastTickets(Tickets tickets) {
        this.tickets = tickets;
    }

    /** Loads the tickets in one transaction; returns how many it loaded. */
    @Transactional
    public int load(List<PastTicket> past) {
        for (PastTicket ticket : past) {
            steps(ticket, tickets.create(ticket.draft(), null, ticket.openedBy(), ticket.openedAt()).ticket());
        }
        return past.size();
    }

    /**
     * Loads a ticket of another helpdesk's history under an intake key, claimed with {@code hash} (what the row it
     * came from held), with the customer's tier and the SLA policy in force when it came in; a key already claimed
     * loads nothing and gives false.
     */
    @Transactional
    boolean loadImported(PastTicket ticket, String key, String hash) {
        Tickets.Intake intake = tickets.create(ticket.draft(), key, hash, ticket.openedBy(), ticket.openedAt(),
                List.of(), true);
        if (intake.created()) {
            steps(ticket, intake.ticket());
        }
        return intake.created();
    }

    private void steps(PastTicket ticket, TicketDetail detail) {
        TicketId id = detail.ticket().id();
        long version = detail.ticket().version();
        for (PastTicket.Step step : ticket.steps()) {
            TicketDetail after = step.status() != null
                    ? tickets.changeStatus(id, version, step.status(), step.actor(), step.at())
                    : tickets.addMessage(id, version, new MessageDraft(step.kind(), step.body()), step.actor(),
                    step.at()).ticket();
            version = after.ticket().version();
        }
    }
}
