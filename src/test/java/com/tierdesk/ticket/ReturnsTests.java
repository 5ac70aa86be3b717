package com.tierdesk.ticket;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderDraft;
import com.tierdesk.customer.OrderLineDraft;
import com.tierdesk.shared.Conflict;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.SettableTime;
import com.tierdesk.sla.ClockStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import(SettableTime.class)
class ReturnsTests {

    /** Years ahead, so that no running scheduler fires the wakes of the returns' tickets first. */
    static final LocalDate TODAY = LocalDate.of(2036, 6, 16);

    @Autowired
    Returns returns;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void morning() {
        clock.set(TODAY, LocalTime.of(10, 0));
    }

    @Test
    void aReturnGoesFromRequestThroughRefundEachStepOnTheTimelineAndEmailedAndTheSpendDrops() {
        Customer customer = customerOfTier("VIP");
        String order = orderWithLines(customer, TODAY.minusDays(20));

        ReturnRequest requested = returns.request(new ReturnDraft(order, ReturnKind.RETURN, "耳机有杂音",
                List.of(new ReturnDraft.LineDraft(1, 1)), null, "zh"), "agent-li");
        assertThat(requested.status()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(requested.returnWindowDays()).isEqualTo(30);
        assertThat(requested.freeReturnShipping()).isTrue();
        assertThat(requested.decisionDueAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(requested.lines()).singleElement().satisfies(line -> {
            assertThat(line.productName()).isEqualTo("蓝牙耳机");
            assertThat(line.amount()).isEqualByComparingTo("199.00");
        });

        long id = requested.id();
        returns.approve(id, "sup-wang");
        returns.receive(id, "agent-li");
        returns.inspect(id, "外观完好", "agent-li");
        ReturnRequest refunded = returns.refund(id, null, null, "sup-wang");

        assertThat(refunded.status()).isEqualTo(ReturnStatus.REFUNDED);
        assertThat(refunded.refundAmount()).isEqualByComparingTo("199.00");
        assertThat(refunded.steps()).extracting(ReturnStep::status, ReturnStep::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReturnStatus.REQUESTED, "agent-li"),
                org.assertj.core.groups.Tuple.tuple(ReturnStatus.APPROVED, "sup-wang"),
                org.assertj.core.groups.Tuple.tuple(ReturnStatus.RECEIVED, "agent-li"),
                org.assertj.core.groups.Tuple.tuple(ReturnStatus.INSPECTED, "agent-li"),
                org.assertj.core.groups.Tuple.tuple(ReturnStatus.REFUNDED, "sup-wang"));
        assertThat(orders.get(order).refundAmount()).isEqualByComparingTo("199.00");
        assertThat(emails(customer.email())).containsExactly("return.mail.requested",
                "return.mail.approved-free-shipping", "return.mail.received", "return.mail.inspected",
                "return.mail.refunded");
    }

    @Test
    void theReturnWindowIsTheTiersAndARequestOutsideItIsRefusedNamingTheWindow() {
        Customer vip = customerOfTier("VIP");
        Customer regular = customerOfTier("REGULAR");
        String vipOrder = orderWithLines(vip, TODAY.minusDays(20));
        String regularOrder = orderWithLines(regular, TODAY.minusDays(8));

        assertThat(returns.request(draft(vipOrder), "agent-li").returnWindowDays()).isEqualTo(30);
        assertThatThrownBy(() -> returns.request(draft(regularOrder), "agent-li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.field()).isEqualTo("orderExternalId");
                            assertThat(problem.reason().code()).isEqualTo("problem.return.outside-window");
                            assertThat(problem.reason().arguments()).containsExactly("7",
                                    TODAY.minusDays(1).toString());
                        }));
        assertThat(count(regularOrder)).isZero();
    }

    @Test
    void moreThanWasOrderedAndAnUnknownLineAreRefusedAndWriteNothing() {
        Customer customer = customerOfTier("VIP");
        String order = orderWithLines(customer, TODAY.minusDays(2));

        assertThatThrownBy(() -> returns.request(new ReturnDraft(order, ReturnKind.EXCHANGE, "换颜色",
                List.of(new ReturnDraft.LineDraft(1, 3), new ReturnDraft.LineDraft(9, 1)), null, null), "agent-li"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ":" + p.reason().code()).containsExactly(
                                "lines[0].quantity:problem.return.quantity", "lines[1].lineNo:problem.return.no-line"));
        assertThat(count(order)).isZero();
    }

    @Test
    void aBadTransitionIsAConflictAndARejectionNeedsAReason() {
        Customer customer = customerOfTier("VIP");
        long id = returns.request(draft(orderWithLines(customer, TODAY.minusDays(2))), "agent-li").id();

        assertThatThrownBy(() -> returns.receive(id, "agent-li")).isInstanceOfSatisfying(Conflict.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("status")));
        assertThatThrownBy(() -> returns.reject(id, " ", "sup-wang")).isInstanceOf(InvalidInput.class);
        assertThat(returns.get(id).status()).isEqualTo(ReturnStatus.REQUESTED);
        assertThat(returns.get(id).steps()).hasSize(1);

        ReturnRequest rejected = returns.reject(id, "超出保修范围", "sup-wang");
        assertThat(rejected.outcomeNote()).isEqualTo("超出保修范围");
        assertThatThrownBy(() -> returns.approve(id, "sup-wang")).isInstanceOf(Conflict.class);
    }

    @Test
    void theBoardShowsWhereEachDecisionTargetStandsTheEarliestDeadlineFirst() {
        Customer customer = customerOfTier("KEY");
        Instant requested = clock.instant();
        ReturnRequest first = returns.request(draft(orderWithLines(customer, TODAY.minusDays(2))), "agent-li");
        clock.advance(Duration.ofHours(6));
        ReturnRequest second = returns.request(draft(orderWithLines(customer, TODAY.minusDays(2))), "agent-li");
        returns.approve(second.id(), "sup-wang");

        List<ReturnRequest> board = returns.board(List.of()).stream()
                .filter(r -> r.id() == first.id() || r.id() == second.id()).toList();
        assertThat(board).extracting(ReturnRequest::id).containsExactly(first.id(), second.id());
        ReturnRequest waiting = board.get(0);
        assertThat(waiting.decisionStatus(requested.plus(Duration.ofHours(18)).minusSeconds(1)))
                .isEqualTo(ClockStatus.ON_TRACK);
        assertThat(waiting.decisionStatus(requested.plus(Duration.ofHours(18)))).isEqualTo(ClockStatus.AT_RISK);
        assertThat(waiting.decisionStatus(requested.plus(Duration.ofHours(24)))).isEqualTo(ClockStatus.AT_RISK);
        assertThat(waiting.decisionStatus(requested.plus(Duration.ofHours(24)).plusSeconds(1)))
                .isEqualTo(ClockStatus.BREACHED);
        assertThat(board.get(1).decisionStatus(requested.plus(Duration.ofDays(3)))).as("decided in time")
                .isEqualTo(ClockStatus.MET);
        assertThat(returns.board(List.of(ReturnStatus.REQUESTED))).extracting(ReturnRequest::id)
                .contains(first.id()).doesNotContain(second.id());
    }

    private ReturnDraft draft(String order) {
        return new ReturnDraft(order, ReturnKind.RETURN, "不想要了", List.of(new ReturnDraft.LineDraft(2, 1)), null, "en");
    }

    private Customer customerOfTier(String tier) {
        Customer customer = customers.create(aCustomer().email("buyer-" + System.nanoTime() + "@example.cn").build());
        jdbc.sql("INSERT INTO customer_tier (customer_id, downgrade_pending, effective_tier, effective_since) "
                + "VALUES (?, FALSE, ?, CURRENT_TIMESTAMP)").param(customer.id().value()).param(tier).update();
        return customer;
    }

    private String orderWithLines(Customer customer, LocalDate paidOn) {
        OrderDraft order = anOrder(customer.code()).amount("427.90").paidOn(paidOn).build();
        return orders.upsert(new OrderDraft(order.externalId(), order.customerCode(), order.amount(), null,
                order.placedAt(), order.paidAt(), order.status(), List.of(
                        new OrderLineDraft("SKU-1", "蓝牙耳机", 2, new BigDecimal("398.00")),
                        new OrderLineDraft("SKU-2", "充电线", 1, new BigDecimal("29.90"))))).value().externalId();
    }

    private List<String> emails(String address) {
        return jdbc.sql("SELECT template FROM notification WHERE recipient_email = ? ORDER BY id").param(address)
                .query(String.class).list();
    }

    private long count(String order) {
        return jdbc.sql("SELECT COUNT(*) FROM ticket_return WHERE order_external_id = ?").param(order)
                .query(Long.class).single();
    }
}
