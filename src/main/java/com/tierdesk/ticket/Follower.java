package com.tierdesk.ticket;

import java.time.Instant;

/**
 * Somebody copied on a ticket's conversation besides its requester: an agent's public reply by email goes to them in
 * Cc. {@code addedBy} is the account that added them; none for an address taken from the CC of the customer's mail.
 */
public record Follower(String email, String name, FollowerSource source, String addedBy, Instant addedAt) {
}
