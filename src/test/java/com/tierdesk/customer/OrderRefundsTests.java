package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class OrderRefundsTests {

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    OrderRefunds refunds;

    @Autowired
    CustomerActivity activity;

    @Autowired
    BusinessTime time;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefundLowersTheTwelveMonthSpendInTheActivitySnapshotThroughItsListener() {
        String code = customers.create(aCustomer().build()).code();
        CustomerOrder order = orders.upsert(anOrder(code).amount("500.00").paidOn(activity.today().minusMonths(2))
                .build()).value();
        activity.refresh();
        assertThat(snapshotSpendCents(code)).isEqualTo(50_000);

        OrderRefund refund = refunds.refund(order.externalId(), new RefundDraft(new BigDecimal("120.50"), "退货", null),
                "supervisor");

        assertThat(refund.amount()).isEqualByComparingTo("120.50");
        assertThat(orders.get(order.externalId()).refundAmount()).isEqualByComparingTo("120.50");
        await().atMost(Duration.ofSeconds(30)).until(() -> listenerDone(order.externalId()));
        assertThat(snapshotSpendCents(code)).isEqualTo(37_950);
        assertThat(lifetimeSpend(code)).isEqualByComparingTo("379.50");
    }

    @Test
    void refundsAddUpAndAFullyRefundedOrderTurnsRefunded() {
        String code = customers.create(aCustomer().build()).code();
        String order = orders.upsert(anOrder(code).amount("100.00").paidOn(activity.today().minusDays(3)).build())
                .value().externalId();

        refunds.refund(order, new RefundDraft(new BigDecimal("60"), "破损", null), "supervisor");
        refunds.refund(order, new RefundDraft(new BigDecimal("40.00"), "补偿", null), "supervisor");

        assertThat(orders.get(order).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(refunds.ofOrder(order)).extracting(OrderRefund::reason).containsExactly("破损", "补偿");
    }

    @Test
    void aRefundOfMoreThanWasPaidAndNotRefundedIsRefusedAndWritesNothing() {
        String code = customers.create(aCustomer().build()).code();
        String order = orders.upsert(anOrder(code).amount("100.00").refund("30.00")
                .paidOn(activity.today().minusDays(3)).build()).value().externalId();

        assertThatThrownBy(() -> refunds.refund(order, new RefundDraft(new BigDecimal("70.01"), "x", null), "s"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.field()).isEqualTo("amount");
                            assertThat(p.reason().code()).isEqualTo("problem.refund.more-than-paid");
                            assertThat(p.reason().arguments()).containsExactly("70.00");
                        }));
        assertThat(orders.get(order).refundAmount()).isEqualByComparingTo("30.00");
        assertThat(refunds.ofOrder(order)).isEmpty();
    }

    @Test
    void anUnpaidOrderAMissingReasonAndAFutureTimeAreRefusedTogether() {
        String code = customers.create(aCustomer().build()).code();
        String order = orders.upsert(anOrder(code).amount("100.00").unpaid("2026-01-01T02:00:00Z").build())
                .value().externalId();

        assertThatThrownBy(() -> refunds.refund(order, new RefundDraft(new BigDecimal("1.00"), " ",
                time.now().plusSeconds(3600)), "s"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.reason().code())
                        .containsExactlyInAnyOrder("amount:problem.refund.not-paid", "reason:problem.required",
                                "refundedAt:problem.refund.future"));
        assertThatThrownBy(() -> refunds.refund("NO-SUCH-ORDER", new RefundDraft(BigDecimal.ONE, "x", null), "s"))
                .isInstanceOf(NotFound.class);
    }

    private long snapshotSpendCents(String code) {
        return jdbc.sql("""
                SELECT f.spend_cents FROM customer_activity_figures f JOIN customer c ON c.id = f.customer_id
                 WHERE c.code = ?
                """).param(code).query(Long.class).single();
    }

    private BigDecimal lifetimeSpend(String code) {
        return jdbc.sql("""
                SELECT s.lifetime_spend FROM customer_purchase_summary s JOIN customer c ON c.id = s.customer_id
                 WHERE c.code = ?
                """).param(code).query(BigDecimal.class).single();
    }

    private boolean listenerDone(String orderExternalId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM event_publication WHERE listener_id = 'customer.activity.refund'
                   AND completion_date IS NOT NULL AND serialized_event LIKE ?
                """).param("%" + orderExternalId + "%").query(Long.class).single() == 1;
    }
}
