package com.tierdesk.ticket;

/** How an address came to follow a ticket. */
public enum FollowerSource {
    /** It was in CC of the customer's mail. */
    MAIL_CC,
    /** An agent added it. */
    ACCOUNT
}
