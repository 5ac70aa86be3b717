package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;
import java.time.LocalDate;

/** A manual tier for a customer: asked for with a reason, approved by another supervisor, in force until it expires. */
public record TierOverride(long id, CustomerId customerId, String customerCode, String tier, String reason,
        LocalDate expiresOn, Status status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
        String decisionNote, Instant endedAt) {

    public enum Status { REQUESTED, ACTIVE, REJECTED, EXPIRED, REVOKED }
}
