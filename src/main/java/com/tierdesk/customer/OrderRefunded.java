package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** A refund was recorded on a paid order: the customer's spend dropped by {@code amount}. */
public record OrderRefunded(CustomerId customerId, String orderExternalId, long refundId, BigDecimal amount,
        Instant refundedAt) {
}
