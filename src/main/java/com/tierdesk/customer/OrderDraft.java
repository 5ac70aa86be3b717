package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the shop system reports it, keyed by its external id.
 *
 * @param refundAmount {@code null} means no refund
 * @param paidAt       {@code null} while unpaid
 */
public record OrderDraft(String externalId, String customerCode, BigDecimal amount, BigDecimal refundAmount,
        Instant placedAt, Instant paidAt, OrderStatus status) {
}
