package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** An order for a test with a unique external id: 100.00 CNY, paid half an hour after it was placed. */
public final class OrderBuilder {

    private String externalId = CustomerFixture.unique("O");
    private String customerCode;
    private BigDecimal amount = new BigDecimal("100.00");
    private BigDecimal refund;
    private Instant placedAt = Instant.parse("2025-03-10T02:00:00Z");
    private Instant paidAt = Instant.parse("2025-03-10T02:30:00Z");
    private OrderStatus status = OrderStatus.PAID;

    OrderBuilder(String customerCode) {
        this.customerCode = customerCode;
    }

    OrderBuilder customer(String code) {
        customerCode = code;
        return this;
    }

    public OrderBuilder externalId(String value) {
        externalId = value;
        return this;
    }

    public OrderBuilder amount(String value) {
        amount = new BigDecimal(value);
        return this;
    }

    public OrderBuilder refund(String value) {
        refund = new BigDecimal(value);
        return this;
    }

    /** Placed half an hour before it was paid. */
    public OrderBuilder paidAt(Instant instant) {
        paidAt = instant;
        placedAt = paidAt.minusSeconds(1800);
        return this;
    }

    public OrderBuilder paidAt(String instant) {
        return paidAt(Instant.parse(instant));
    }

    /** Paid at 10:00 business time on the day, placed half an hour before. */
    public OrderBuilder paidOn(LocalDate day) {
        return paidAt(day.atTime(LocalTime.of(10, 0)).atZone(CustomerFixture.ZONE).toInstant());
    }

    /** Placed at one instant, paid {@code minutes} later. */
    public OrderBuilder paidMinutesAfter(Instant placed, long minutes) {
        placedAt = placed;
        paidAt = placedAt.plusSeconds(60 * minutes);
        return this;
    }

    public OrderBuilder paidMinutesAfter(String placed, long minutes) {
        return paidMinutesAfter(Instant.parse(placed), minutes);
    }

    public OrderBuilder unpaid(String placed) {
        placedAt = Instant.parse(placed);
        paidAt = null;
        status = OrderStatus.PLACED;
        return this;
    }

    public OrderBuilder status(OrderStatus value) {
        status = value;
        return this;
    }

    public OrderDraft build() {
        return new OrderDraft(externalId, customerCode, amount, refund, placedAt, paidAt, status);
    }
}
