package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored order.
 *
 * @param paidMonth first day of the month of {@code paidAt} in the business time zone; {@code null}
 *                  unless the order counts as paid
 */
public record CustomerOrder(String externalId, CustomerId customerId, String customerCode, BigDecimal amount,
        BigDecimal refundAmount, Instant placedAt, Instant paidAt, OrderStatus status, LocalDate paidMonth) {

    /** What the order adds to the customer's spend. */
    public BigDecimal netAmount() {
        return amount.subtract(refundAmount);
    }
}
