package com.tierdesk.security;

import java.time.Instant;

/**
 * An account with how it is deployed and whether it is at work now.
 *
 * @param dailyCap       the cap in force: the account's own, else the configured default
 * @param ownCap         whether the account has a cap of its own
 * @param presenceSince  when the presence last changed; {@code null} if it never has
 */
public record AccountProfile(UserAccount account, Staffing staffing, int dailyCap, boolean ownCap, Presence presence,
                             Instant presenceSince) {
}
