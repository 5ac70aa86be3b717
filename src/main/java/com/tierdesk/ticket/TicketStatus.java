package com.tierdesk.ticket;

/** Where a ticket stands; {@link StatusPolicy} says which moves are allowed. */
public enum TicketStatus {
    NEW, OPEN, PENDING_CUSTOMER, PENDING_THIRD_PARTY, SOLVED, CLOSED, REOPENED;

    /** Waiting on the customer or a third party: the clocks that pause are paused. */
    public boolean pending() {
        return this == PENDING_CUSTOMER || this == PENDING_THIRD_PARTY;
    }

    /** Not solved and not closed: the ticket's targets run and a tier change applies to it. */
    public boolean open() {
        return this != SOLVED && this != CLOSED;
    }
}
