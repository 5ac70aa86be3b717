package com.tierdesk.customer;

import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.CustomerRepository;
import com.tierdesk.customer.internal.OrderRepository;
import com.tierdesk.customer.internal.PurchaseAggregateMaintainer;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.TextRules;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' orders, written by external id. Each write refreshes the purchase aggregates of the
 * customers it touches in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class CustomerOrders {

    private final OrderRepository orders;
    private final CustomerRepository customers;
    private final PurchaseAggregateMaintainer aggregates;
    private final ActivityFiguresStore activity;
    private final BusinessTime time;

    CustomerOrders(OrderRepository orders, CustomerRepository customers, PurchaseAggregateMaintainer aggregates,
            ActivityFiguresStore activity, BusinessTime time) {
        this.orders = orders;
        this.customers = customers;
        this.aggregates = aggregates;
        this.activity = activity;
        this.time = time;
    }

    /** Creates or updates the order with the draft's external id; writing the same data again changes nothing. */
    @Transactional
    public Upserted<CustomerOrder> upsert(OrderDraft draft) {
        OrderDraft order = DraftRules.order(draft);
        long customerId = customers.idOf(order.customerCode()).orElseThrow(
                () -> InvalidInput.of("customerCode", "problem.no-customer-code", order.customerCode()));
        LocalDate paidMonth = paidMonth(order);
        Optional<CustomerOrder> existing = orders.findByExternalId(order.externalId());
        Upserted.Outcome outcome;
        if (existing.isEmpty()) {
            try {
                orders.insert(order, customerId, paidMonth);
                if (order.lines() != null) {
                    orders.replaceLines(order.externalId(), OrderLines.numbered(order.lines()));
                }
            } catch (DuplicateKeyException e) {
                throw new Conflict("externalId", "problem.order.concurrent", order.externalId());
            }
            aggregates.refresh(customerId);
            activity.recordsChanged(customerId);
            queueForPayment(order, customerId, paidMonth);
            outcome = Upserted.Outcome.CREATED;
        } else if (unchanged(existing.get(), order, customerId, paidMonth)) {
            return new Upserted<>(existing.get(), Upserted.Outcome.UNCHANGED);
        } else {
            orders.update(order, customerId, paidMonth);
            if (order.lines() != null) {
                orders.replaceLines(order.externalId(), OrderLines.numbered(order.lines()));
            }
            aggregates.refresh(customerId, existing.get().customerId().value());
            activity.recordsChanged(customerId, existing.get().customerId().value());
            queueForPayment(order, customerId, paidMonth);
            outcome = Upserted.Outcome.UPDATED;
        }
        return new Upserted<>(orders.findByExternalId(order.externalId()).orElseThrow(), outcome);
    }

    /** An order paid at a future instant counts from that instant on: the customer's figures change then. */
    private void queueForPayment(OrderDraft order, long customerId, LocalDate paidMonth) {
        if (paidMonth != null && order.paidAt().isAfter(time.now())) {
            activity.markStaleFrom(customerId, order.paidAt());
        }
    }

    /** The order with this external id; none for an id no order can have. */
    public Optional<CustomerOrder> find(String externalId) {
        return TextRules.requiredLine(externalId, FieldRules.MAX_CODE_LENGTH).isPresent() ? Optional.empty()
                : orders.findByExternalId(externalId);
    }

    public CustomerOrder get(String externalId) {
        return find(externalId).orElseThrow(() -> new NotFound("externalId", "problem.no-order", ApiProblems.echo(externalId)));
    }

    /** The customer's orders, the latest placed first. */
    public Paged<CustomerOrder> ofCustomer(String customerCode, PageSpec page) {
        long customerId = (FieldRules.code(customerCode).isPresent() ? OptionalLong.empty() : customers.idOf(customerCode))
                .orElseThrow(() -> new NotFound("code", "problem.no-customer", ApiProblems.echo(customerCode)));
        return orders.ofCustomer(customerId, page);
    }

    /** The business month the order's payment counts in; none unless the order counts as paid. */
    LocalDate paidMonth(OrderDraft order) {
        if (!order.status().countsAsPaid() || order.paidAt() == null) {
            return null;
        }
        return time.dateOf(order.paidAt()).withDayOfMonth(1);
    }

    private static boolean unchanged(CustomerOrder o, OrderDraft d, long customerId, LocalDate paidMonth) {
        return o.customerId().value() == customerId && o.amount().equals(d.amount())
                && o.refundAmount().equals(d.refundAmount()) && o.placedAt().equals(d.placedAt())
                && Objects.equals(o.paidAt(), d.paidAt()) && o.status() == d.status()
                && Objects.equals(o.paidMonth(), paidMonth) && (d.lines() == null || o.lines().equals(OrderLines.numbered(d.lines())));
    }
}
