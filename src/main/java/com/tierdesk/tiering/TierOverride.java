package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.Conflict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A manual tier for a customer (docs/tiering.md, Overrides): asked for with a reason until a date, put in force by a
 * supervisor other than the requester, ended by its expiry or a revocation. Each transition checks its rule and
 * returns the event it causes; the caller stores the event's change and publishes it. {@code customerCode} is for
 * reading only; {@code id} is 0 until the request is stored.
 */
public record TierOverride(long id, CustomerId customerId, String customerCode, String tier, String reason,
        LocalDate expiresOn, Status status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
        String decisionNote, String endedBy, Instant endedAt, String endNote) {

    public enum Status {
        REQUESTED, ACTIVE, REJECTED, EXPIRED, REVOKED;

        /** Requested or in force: a customer has at most one such override. */
        public boolean open() {
            return this == REQUESTED || this == ACTIVE;
        }
    }

    /** A request, not stored yet. The caller has checked the tier, the reason and the expiry date. */
    static TierOverride request(CustomerId customer, String customerCode, String tier, String reason,
            LocalDate expiresOn, String by, Instant at) {
        return new TierOverride(0, customer, customerCode, tier, reason, expiresOn, Status.REQUESTED, by, at, null, null,
                null, null, null, null);
    }

    /** The event of this override's request, once it is stored. */
    TierOverrideEvent.Requested requested() {
        return new TierOverrideEvent.Requested(id, customerId, tier, expiresOn, reason, requestedBy, requestedAt);
    }

    /** Four eyes: the approver is never the requester, compared as account names (case aside). */
    TierOverrideEvent.Approved approve(String approver, String note, LocalDate today, Instant at) {
        require(Status.REQUESTED);
        if (sameAccount(approver, requestedBy)) {
            throw new Conflict("approver", "problem.override.own", id, requestedBy);
        }
        if (!expiresOn.isAfter(today)) {
            throw new Conflict("expiresOn", "problem.override.expired", id, expiresOn);
        }
        return new TierOverrideEvent.Approved(id, customerId, tier, approver, at, note);
    }

    TierOverrideEvent.Rejected reject(String supervisor, String note, Instant at) {
        require(Status.REQUESTED);
        return new TierOverrideEvent.Rejected(id, customerId, supervisor, at, note);
    }

    /** Ends an override in force before its expiry. */
    TierOverrideEvent.Revoked revoke(String by, String note, Instant at) {
        require(Status.ACTIVE);
        return new TierOverrideEvent.Revoked(id, customerId, tier, by, at, note);
    }

    /** Ends an override in force whose expiry date has come. */
    TierOverrideEvent.Expired expire(LocalDate today, Instant at) {
        require(Status.ACTIVE);
        if (expiresOn.isAfter(today)) {
            throw new Conflict("expiresOn", "problem.override.not-expired", id, expiresOn, today);
        }
        return new TierOverrideEvent.Expired(id, customerId, tier, expiresOn, at);
    }

    private void require(Status expected) {
        if (status != expected) {
            throw new Conflict("status", "problem.override.status", id, status, expected);
        }
    }

    static boolean sameAccount(String one, String other) {
        return one != null && other != null
                && one.strip().toLowerCase(Locale.ROOT).equals(other.strip().toLowerCase(Locale.ROOT));
    }
}
