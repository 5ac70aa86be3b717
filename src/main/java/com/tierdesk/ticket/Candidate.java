package com.tierdesk.ticket;

/**
 * A person assignment may pick, with their load: the open tickets they hold now and the tickets they were given
 * today (business day) against their daily cap.
 */
record Candidate(String username, boolean available, boolean senior, int openTickets, int assignedToday,
                 int dailyCap) {

    boolean capped() {
        return assignedToday >= dailyCap;
    }
}
