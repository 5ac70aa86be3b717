package com.tierdesk.ticket;

import com.tierdesk.security.AccountOffDuty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Hands the open tickets of a person who went off duty (disabled, or given a role that works no tickets) back through
 * the assignment rules, a page per transaction ({@link Tickets#requeue}). A redelivered event finds the tickets handed
 * on already, so nothing is done twice; a person back on duty by then keeps theirs.
 */
@Component
class OffDutyRequeue {

    static final int PAGE = 100;

    private final Tickets tickets;

    OffDutyRequeue(Tickets tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener(id = "ticket.account-off-duty", propagation = Propagation.NOT_SUPPORTED)
    void on(AccountOffDuty offDuty) {
        int handedOn;
        do {
            handedOn = tickets.requeue(offDuty, PAGE);
        } while (handedOn == PAGE);
    }
}
