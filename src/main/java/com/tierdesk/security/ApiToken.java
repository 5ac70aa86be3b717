package com.tierdesk.security;

import java.time.Instant;

/**
 * An integration's credential as the system knows it: its public prefix and metadata, never the secret.
 */
public record ApiToken(long id, String prefix, String name, Role role, String createdBy, Instant createdAt,
                       Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.ACTIVE;
    }

    public enum Status { ACTIVE, EXPIRED, REVOKED }
}
