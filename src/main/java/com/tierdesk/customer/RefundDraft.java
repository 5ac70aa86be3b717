package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A refund to record on an order.
 *
 * @param refundedAt {@code null} means now
 */
public record RefundDraft(BigDecimal amount, String reason, Instant refundedAt) {
}
