package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored interaction; see {@link InteractionDraft} for the fields. */
public record Interaction(String externalId, CustomerId customerId, String customerCode, InteractionKind kind,
        Instant occurredAt, String channel, String subject, String detail, String product, BigDecimal usageHours,
        BigDecimal featureActivationRate, String referredCustomerCode) {
}
