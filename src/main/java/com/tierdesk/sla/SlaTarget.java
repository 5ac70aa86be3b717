package com.tierdesk.sla;

/** What an SLA promises, each with its own clock. */
public enum SlaTarget {
    /** The first public reply by an agent; automatic acknowledgements do not count. Never pauses. */
    FIRST_RESPONSE(false, false),
    /** The agent's reply to each customer message. Pauses while pending. */
    NEXT_REPLY(true, true),
    /** A public update at least this often while the ticket is open. Pauses while pending. */
    PERIODIC_UPDATE(true, true),
    /** The ticket solved. Pauses while pending; carries its elapsed time over a reopen. */
    RESOLUTION(true, true),
    /** A return or exchange decided, counted from the request. Never pauses. */
    RETURN_DECISION(false, false),
    /** A live chat's first reply while agents are online (the channel rule, 30 s by default); not a matrix row. */
    FIRST_CHAT_REPLY(false, false);

    private final boolean pausesWhilePending;
    private final boolean metBySolving;

    SlaTarget(boolean pausesWhilePending, boolean metBySolving) {
        this.pausesWhilePending = pausesWhilePending;
        this.metBySolving = metBySolving;
    }

    public boolean pausesWhilePending() {
        return pausesWhilePending;
    }

    /**
     * Whether solving the ticket meets the target; the others wait for a reply or a decision, and a ticket solved
     * without one ends them by the {@link SolvedWithoutReply} rule.
     */
    public boolean metBySolving() {
        return metBySolving;
    }
}
