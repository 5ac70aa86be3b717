package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the shop system reports it, keyed by its external id.
 *
 * @param refundAmount {@code null} means no refund
 * @param paidAt       {@code null} while unpaid
 * @param lines        the products on the order; {@code null} keeps the lines stored (none for a new order), an
 *                     empty list removes them
 */
public record OrderDraft(String externalId, String customerCode, BigDecimal amount, BigDecimal refundAmount,
        Instant placedAt, Instant paidAt, OrderStatus status, List<OrderLineDraft> lines) {

    /** An order reported without its lines. */
    public OrderDraft(String externalId, String customerCode, BigDecimal amount, BigDecimal refundAmount,
            Instant placedAt, Instant paidAt, OrderStatus status) {
        this(externalId, customerCode, amount, refundAmount, placedAt, paidAt, status, null);
    }
}
