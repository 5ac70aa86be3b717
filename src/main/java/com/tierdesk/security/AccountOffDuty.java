package com.tierdesk.security;

import java.time.Instant;

/**
 * A person stopped working tickets: an administrator disabled their account ({@link Cause#DISABLED}), or gave them a
 * role that works none ({@link Cause#ROLE_CHANGED}, such as QA). Published in the transaction of the change, kept by
 * the event publication registry until its listeners are done; the ticket module hands their open tickets on.
 *
 * @param role the account's role after the change
 * @param by   the administrator who changed the account
 */
public record AccountOffDuty(String username, Cause cause, Role role, String by, Instant at) {

    public enum Cause {
        DISABLED, ROLE_CHANGED
    }
}
