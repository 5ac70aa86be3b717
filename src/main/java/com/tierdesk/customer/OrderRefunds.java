package com.tierdesk.customer;

import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.OrderRefundRepository;
import com.tierdesk.customer.internal.OrderRepository;
import com.tierdesk.customer.internal.PurchaseAggregateMaintainer;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.Reason;
import com.tierdesk.shared.TextRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds on paid orders (a return, a goodwill gesture). A refund never takes back more than what was paid and not
 * refunded yet; it lowers the customer's spend at once and announces itself as {@link OrderRefunded}.
 */
@Service
@Transactional(readOnly = true)
public class OrderRefunds {

    public static final int MAX_REASON_LENGTH = 500;

    private final OrderRepository orders;
    private final OrderRefundRepository refunds;
    private final PurchaseAggregateMaintainer aggregates;
    private final ActivityFiguresStore activity;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;

    OrderRefunds(OrderRepository orders, OrderRefundRepository refunds, PurchaseAggregateMaintainer aggregates,
            ActivityFiguresStore activity, ApplicationEventPublisher events, BusinessTime time) {
        this.orders = orders;
        this.refunds = refunds;
        this.aggregates = aggregates;
        this.activity = activity;
        this.events = events;
        this.time = time;
    }

    /** Records the refund on the order; 404 for an unknown order, 422 with every problem of the refund. */
    @Transactional
    public OrderRefund refund(String orderExternalId, RefundDraft draft, String by) {
        OrderRepository.LockedOrder locked = (plausible(orderExternalId) ? orders.lock(orderExternalId)
                : Optional.<OrderRepository.LockedOrder>empty()).orElseThrow(() -> noOrder(orderExternalId));
        CustomerOrder order = locked.order();
        Instant refundedAt = draft.refundedAt() == null ? time.now() : draft.refundedAt();
        BigDecimal amount = checked(order, draft, refundedAt);
        long id = refunds.insert(locked.id(), amount, draft.reason().strip(), refundedAt, by);
        orders.addRefund(locked.id(), amount);
        aggregates.refresh(order.customerId().value());
        activity.recordsChanged(order.customerId().value());
        events.publishEvent(new OrderRefunded(order.customerId(), order.externalId(), id, amount, refundedAt));
        return new OrderRefund(id, order.externalId(), amount, draft.reason().strip(), refundedAt, by);
    }

    /** The refunds recorded on the order, the oldest first. */
    public List<OrderRefund> ofOrder(String orderExternalId) {
        long orderId = (plausible(orderExternalId) ? orders.idOf(orderExternalId) : Optional.<Long>empty())
                .orElseThrow(() -> noOrder(orderExternalId));
        return refunds.ofOrder(orderId, orderExternalId);
    }

    private static boolean plausible(String externalId) {
        return TextRules.requiredLine(externalId, FieldRules.MAX_CODE_LENGTH).isEmpty();
    }

    private static NotFound noOrder(String externalId) {
        return new NotFound("externalId", "problem.no-order", ApiProblems.echo(externalId));
    }

    private BigDecimal checked(CustomerOrder order, RefundDraft draft, Instant refundedAt) {
        var problems = new ArrayList<FieldProblem>();
        BigDecimal amount = null;
        try {
            amount = FieldRules.checkAmount(draft.amount());
            BigDecimal refundable = order.paidMonth() == null ? BigDecimal.ZERO.setScale(2) : order.netAmount();
            if (order.paidMonth() == null) {
                problems.add(new FieldProblem("amount", Reason.of("problem.refund.not-paid", order.externalId())));
            } else if (amount.signum() == 0) {
                problems.add(new FieldProblem("amount", Reason.of("problem.refund.zero")));
            } else if (amount.compareTo(refundable) > 0) {
                problems.add(new FieldProblem("amount", Reason.of("problem.refund.more-than-paid",
                        refundable.toPlainString())));
            }
        } catch (FieldRules.InvalidField e) {
            problems.add(new FieldProblem("amount", e.reason()));
        }
        TextRules.requiredLine(draft.reason(), MAX_REASON_LENGTH)
                .ifPresent(reason -> problems.add(new FieldProblem("reason", reason)));
        if (refundedAt.isAfter(time.now())) {
            problems.add(new FieldProblem("refundedAt", Reason.of("problem.refund.future")));
        } else if (order.paidAt() != null && refundedAt.isBefore(order.paidAt())) {
            problems.add(new FieldProblem("refundedAt", Reason.of("problem.refund.before-paid")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return amount;
    }
}
