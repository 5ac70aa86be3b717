package com.tierdesk.customer;

/**
 * An owner written on customers that is no person's username, waiting for an administrator to map it to an account.
 *
 * @param suggested the one person whose username (in other letter case) or display name it matches, else {@code null}
 */
public record UnmatchedOwner(String owner, long customers, String suggested) {
}
