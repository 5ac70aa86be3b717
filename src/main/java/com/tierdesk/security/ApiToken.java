package com.tierdesk.security;

import java.time.Instant;

/**
 * An integration's credential as the system knows it: its public prefix and metadata, never the secret. It acts as
 * {@code account}; an API token with {@code role} at most (capped at the account's role), a metrics token
 * ({@link TokenScope#METRICS}) with no role at all.
 */
public record ApiToken(long id, String prefix, String name, String account, TokenScope scope, Role role, String createdBy,
                       Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.ACTIVE;
    }

    ApiToken usedAt(Instant now) {
        return new ApiToken(id, prefix, name, account, scope, role, createdBy, createdAt, expiresAt, revokedAt, now);
    }

    public enum Status { ACTIVE, EXPIRED, REVOKED }
}
