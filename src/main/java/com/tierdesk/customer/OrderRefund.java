package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/** One refund recorded on an order. */
public record OrderRefund(long id, String orderExternalId, BigDecimal amount, String reason, Instant refundedAt,
        String recordedBy) {
}
