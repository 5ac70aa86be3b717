package com.tierdesk.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Small builders for customers and orders with unique codes, so tests never depend on table contents. */
public final class TestData {

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    public static OrderBuilder anOrder(String customerCode) {
        return new OrderBuilder(customerCode);
    }

    public static InteractionDraft anInteraction(String customerCode, InteractionKind kind, String occurredAt) {
        return new InteractionDraft(unique("I"), customerCode, kind, Instant.parse(occurredAt), "web", null, null, null,
                null, null, null);
    }

    public static final class CustomerBuilder {
        private String code = unique("C");
        private String name = "张三";
        private CustomerKind kind = CustomerKind.PERSON;
        private String industry = "retail";
        private String phone = "13812345678";
        private String email = "zhang.san@example.com";
        private String region = "上海";
        private String owner;
        private Consent consent = new Consent(true, false, true);
        private List<String> tags;

        public CustomerBuilder code(String value) {
            code = value;
            return this;
        }

        public CustomerBuilder name(String value) {
            name = value;
            return this;
        }

        public CustomerBuilder kind(CustomerKind value) {
            kind = value;
            return this;
        }

        public CustomerBuilder industry(String value) {
            industry = value;
            return this;
        }

        public CustomerBuilder phone(String value) {
            phone = value;
            return this;
        }

        public CustomerBuilder email(String value) {
            email = value;
            return this;
        }

        public CustomerBuilder region(String value) {
            region = value;
            return this;
        }

        public CustomerBuilder owner(String value) {
            owner = value;
            return this;
        }

        public CustomerBuilder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public CustomerDraft build() {
            return new CustomerDraft(code, name, kind, industry, "李经理", phone, email, region,
                    LocalDate.of(1990, 5, 17), LocalDate.of(2024, 1, 2), LocalDate.of(2026, 12, 31), owner, consent,
                    tags);
        }
    }

    public static final class OrderBuilder {
        private String externalId = unique("O");
        private final String customerCode;
        private BigDecimal amount = new BigDecimal("100.00");
        private BigDecimal refund;
        private Instant placedAt = Instant.parse("2025-03-10T02:00:00Z");
        private Instant paidAt = Instant.parse("2025-03-10T02:30:00Z");
        private OrderStatus status = OrderStatus.PAID;

        OrderBuilder(String customerCode) {
            this.customerCode = customerCode;
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
        public OrderBuilder paidAt(String instant) {
            paidAt = Instant.parse(instant);
            placedAt = paidAt.minusSeconds(1800);
            return this;
        }

        /** Placed at one instant, paid {@code minutes} later. */
        public OrderBuilder paidMinutesAfter(String placed, long minutes) {
            placedAt = Instant.parse(placed);
            paidAt = placedAt.plusSeconds(60 * minutes);
            return this;
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
}
