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
            TicketDetail detail = tickets.create(ticket.draft(), null, ticket.openedBy(), ticket.openedAt()).ticket();
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
        return past.size();
    }
}
