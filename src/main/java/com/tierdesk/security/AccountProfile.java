package com.tierdesk.security;

import java.time.Instant;

/**
 * An account with how it is deployed, how to reach it and whether it is at work now.
 *
 * @param dailyCap               the cap in force: the account's own, else the configured default
 * @param ownCap                 whether the account has a cap of its own
 * @param presenceSince          when the presence last changed; {@code null} if it never has
 * @param passwordChangeRequired whether the person must choose a new password at their next console sign-in
 */
public record AccountProfile(UserAccount account, Staffing staffing, int dailyCap, boolean ownCap, Presence presence,
                             Instant presenceSince, Contact contact, boolean passwordChangeRequired) {
}
