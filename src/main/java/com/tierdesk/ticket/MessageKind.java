package com.tierdesk.ticket;

/** What a message of a ticket's conversation is. */
public enum MessageKind {
    /** An agent's reply the customer sees; the first one meets the first response. */
    PUBLIC_REPLY,
    /** A note for the team only; the customer never sees it and it moves no clock. */
    INTERNAL_NOTE,
    /** The customer wrote: it resumes a ticket pending on them, reopens a solved one, follows up a closed one. */
    CUSTOMER_MESSAGE;

    public boolean byAgent() {
        return this != CUSTOMER_MESSAGE;
    }
}
