package com.tierdesk.ticket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes every solved ticket whose wait is over, a batch per transaction ({@link TicketSchedule} runs it). */
@Component
class SolvedTicketClosing {

    private static final Logger log = LoggerFactory.getLogger(SolvedTicketClosing.class);

    private final Tickets tickets;

    SolvedTicketClosing(Tickets tickets) {
        this.tickets = tickets;
    }

    int closeAllDue() {
        int closed = 0;
        int batch;
        do {
            batch = tickets.closeSolved();
            closed += batch;
        } while (batch == Tickets.CLOSING_BATCH);
        if (closed > 0) {
            log.info("Closed {} solved tickets", closed);
        }
        return closed;
    }
}
