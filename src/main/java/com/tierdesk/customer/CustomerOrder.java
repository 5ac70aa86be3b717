package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored order.
 *
 * @param paidMonth first day of the month of {@code paidAt} in the business time zone; {@code null}
 *                  unless the order counts as paid
 * @param lines     the products on the order, by line number; empty when the shop system did not report them
 */
public record CustomerOrder(String externalId, CustomerId customerId, String customerCode, BigDecimal amount,
        BigDecimal refundAmount, Instant placedAt, Instant paidAt, OrderStatus status, LocalDate paidMonth,
        List<OrderLine> lines) {

    /** What the order adds to the customer's spend. */
    public BigDecimal netAmount() {
        return amount.subtract(refundAmount);
    }
}
