package com.tierdesk.customer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer for a test, with every field filled and a unique code; {@link #withSpend} adds paid orders, which
 * {@link #create} writes with the customer.
 */
public final class CustomerBuilder {

    private String code = CustomerFixture.unique("C");
    private String name = "张三";
    private CustomerKind kind = CustomerKind.PERSON;
    private String industry = "retail";
    private String phone = "13812345678";
    private String email = "zhang.san@example.com";
    private String region = "上海";
    private LocalDate registeredOn = LocalDate.of(2024, 1, 2);
    private String owner;
    private Consent consent = new Consent(true, false, true);
    private List<String> tags;
    private final List<OrderBuilder> spend = new ArrayList<>();

    CustomerBuilder() {
    }

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

    public CustomerBuilder registeredOn(LocalDate value) {
        registeredOn = value;
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

    /** A paid order of the amount, paid at 10:00 business time on the day. */
    public CustomerBuilder withSpend(String amount, LocalDate paidOn) {
        spend.add(new OrderBuilder(code).amount(amount).paidOn(paidOn));
        return this;
    }

    public CustomerDraft build() {
        return new CustomerDraft(code, name, kind, industry, "李经理", phone, email, region,
                LocalDate.of(1990, 5, 17), registeredOn, LocalDate.of(2026, 12, 31), owner, consent, tags);
    }

    /** Creates the customer and its orders. */
    public Customer create(Customers customers, CustomerOrders orders) {
        Customer customer = customers.create(build());
        spend.forEach(order -> orders.upsert(order.customer(customer.code()).build()));
        return customer;
    }
}
