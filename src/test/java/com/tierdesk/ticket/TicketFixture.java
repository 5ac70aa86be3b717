package com.tierdesk.ticket;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerKind;
import com.tierdesk.customer.Customers;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.sla.Priority;
import com.tierdesk.sla.TicketType;
import com.tierdesk.tiering.TierOverride;
import com.tierdesk.tiering.TierOverrides;
import java.time.LocalDate;
import java.util.List;

/**
 * Customers for ticket tests, graded by an approved override when a test needs a tier, and drafts of tickets:
 * {@code @Import(TicketFixture.class)}.
 */
public class TicketFixture {

    private final Customers customers;
    private final TierOverrides overrides;
    private final BusinessTime time;

    TicketFixture(Customers customers, TierOverrides overrides, BusinessTime time) {
        this.customers = customers;
        this.overrides = overrides;
        this.time = time;
    }

    public Customer aCustomer() {
        return customers.create(CustomerFixture.aCustomer().name("工单测试").kind(CustomerKind.COMPANY)
                .registeredOn(LocalDate.of(2024, 1, 1)).owner("manager").build());
    }

    /** A customer whose dedicated account manager is {@code owner} (a username) and whose tier is {@code tier}. */
    public Customer aCustomerOf(String owner, String tier) {
        Customer customer = customers.create(CustomerFixture.aCustomer().name("指派测试").kind(CustomerKind.COMPANY)
                .registeredOn(LocalDate.of(2024, 1, 1)).owner(owner).build());
        grade(customer, tier);
        return customer;
    }

    /** A customer whose effective tier is {@code tier}, by an approved override. */
    public Customer aCustomerIn(String tier) {
        Customer customer = aCustomer();
        grade(customer, tier);
        return customer;
    }

    public TierOverride grade(Customer customer, String tier) {
        TierOverride requested = overrides.request(customer.code(), tier, "service test", time.today().plusDays(30),
                "manager");
        return overrides.approve(requested.id(), "supervisor", null);
    }

    public void revoke(TierOverride override) {
        overrides.revoke(override.id(), "supervisor", "service test over");
    }

    public static TicketDraft inquiry(String customerCode) {
        return new TicketDraft(IntakeChannel.EMAIL, customerCode, new Requester("王芳", "wang@example.com", null),
                "退款进度查询", TicketType.INQUIRY, Priority.NORMAL, "订单 1001 的退款何时到账？", List.of("refund"),
                List.of(new Attachment("receipt.pdf", 2048, "application/pdf", "s3://tickets/receipt.pdf")), null);
    }
}
