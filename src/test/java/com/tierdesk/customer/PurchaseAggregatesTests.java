package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.NotFound;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PurchaseAggregatesTests {

    static final YearMonth MARCH_2025 = YearMonth.of(2025, 3);

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    PurchaseAggregates aggregates;

    @Test
    void spendIsPaidAmountsMinusRefundsWithoutCancelledOrUnpaidOrders() {
        Customer customer = customers.create(aCustomer().build());
        orders.upsert(anOrder(customer.code()).amount("100.00").paidAt("2025-03-05T02:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("80.50").refund("30.25").status(OrderStatus.REFUNDED)
                .paidAt("2025-03-06T02:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("500.00").status(OrderStatus.CANCELLED)
                .paidAt("2025-03-07T02:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("70.00").unpaid("2025-03-08T02:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("60.00").status(OrderStatus.DELIVERED)
                .paidAt("2025-01-20T02:00:00Z").build());

        PurchaseHistory history = aggregates.history(customer.id(), MARCH_2025);

        assertThat(history.spend(MARCH_2025)).isEqualByComparingTo("150.25");
        assertThat(history.paidOrders(MARCH_2025)).isEqualTo(2);
        assertThat(history.spend(YearMonth.of(2025, 1))).isEqualByComparingTo("60.00");
        assertThat(history.spend(YearMonth.of(2025, 2))).isEqualByComparingTo("0");
        assertThat(history.spendIn(YearMonth.of(2024, 4), MARCH_2025)).isEqualByComparingTo("210.25");
        assertThat(history.paidOrdersIn(YearMonth.of(2024, 4), MARCH_2025)).isEqualTo(3);
        assertThat(history.months()).filteredOn(month -> month.paidOrders() > 0).hasSize(2);
        assertThat(history.lifetimeOrders()).isEqualTo(5);
        assertThat(history.lifetimePaidOrders()).isEqualTo(3);
        assertThat(history.lifetimeSpend()).isEqualByComparingTo("210.25");
        assertThat(history.firstOrderAt()).isEqualTo(Instant.parse("2025-01-20T01:30:00Z"));
        assertThat(history.lastOrderAt()).isEqualTo(Instant.parse("2025-03-08T02:00:00Z"));
        assertThat(history.lastPaidAt()).as("the cancelled order's payment does not count")
                .isEqualTo(Instant.parse("2025-03-06T02:00:00Z"));
    }

    @Test
    void aPaymentCountsInTheShanghaiMonthEvenWhenItIsStillTheEarlierMonthInUtc() {
        Customer customer = customers.create(aCustomer().build());

        CustomerOrder order = orders.upsert(anOrder(customer.code()).amount("42.00")
                .paidAt("2025-01-31T17:00:00Z").build()).value();

        assertThat(order.paidMonth()).isEqualTo(LocalDate.of(2025, 2, 1));
        PurchaseHistory history = aggregates.history(customer.id(), MARCH_2025);
        assertThat(history.spend(YearMonth.of(2025, 2))).isEqualByComparingTo("42.00");
        assertThat(history.spend(YearMonth.of(2025, 1))).isEqualByComparingTo("0");
    }

    @Test
    void movingAPaymentToAnotherMonthMovesItsSpend() {
        Customer customer = customers.create(aCustomer().build());
        OrderDraft january = anOrder(customer.code()).amount("99.00").paidAt("2025-01-15T04:00:00Z").build();
        orders.upsert(january);

        var moved = orders.upsert(new OrderDraft(january.externalId(), january.customerCode(), january.amount(), null,
                january.placedAt(), Instant.parse("2025-02-28T16:30:00Z"), OrderStatus.PAID));

        assertThat(moved.outcome()).isEqualTo(Upserted.Outcome.UPDATED);
        assertThat(moved.value().paidMonth()).isEqualTo(LocalDate.of(2025, 3, 1));
        PurchaseHistory history = aggregates.history(customer.id(), MARCH_2025);
        assertThat(history.spend(YearMonth.of(2025, 1))).isEqualByComparingTo("0");
        assertThat(history.spend(MARCH_2025)).isEqualByComparingTo("99.00");
        assertThat(history.lifetimePaidOrders()).isEqualTo(1);
    }

    @Test
    void cancellingAnOrderTakesItOutOfTheSpend() {
        Customer customer = customers.create(aCustomer().build());
        OrderDraft paid = anOrder(customer.code()).amount("120.00").paidAt("2025-03-01T04:00:00Z").build();
        orders.upsert(paid);

        orders.upsert(new OrderDraft(paid.externalId(), paid.customerCode(), paid.amount(), null, paid.placedAt(),
                paid.paidAt(), OrderStatus.CANCELLED));

        PurchaseHistory history = aggregates.history(customer.id(), MARCH_2025);
        assertThat(history.spend(MARCH_2025)).isEqualByComparingTo("0");
        assertThat(history.lifetimeOrders()).isEqualTo(1);
        assertThat(history.lifetimePaidOrders()).isZero();
        assertThat(history.lastPaidAt()).isNull();
    }

    @Test
    void movingAnOrderToAnotherCustomerRefreshesBoth() {
        Customer first = customers.create(aCustomer().build());
        Customer second = customers.create(aCustomer().build());
        OrderDraft order = anOrder(first.code()).amount("33.30").build();
        orders.upsert(order);

        orders.upsert(new OrderDraft(order.externalId(), second.code(), order.amount(), null, order.placedAt(),
                order.paidAt(), order.status()));

        assertThat(aggregates.history(first.id(), MARCH_2025).spend(MARCH_2025)).isEqualByComparingTo("0");
        assertThat(aggregates.history(second.id(), MARCH_2025).spend(MARCH_2025)).isEqualByComparingTo("33.30");
    }

    @Test
    void rewritingAnOrderWithTheSameDataChangesNothing() {
        Customer customer = customers.create(aCustomer().build());
        OrderDraft order = anOrder(customer.code()).amount("10").build();

        var first = orders.upsert(order);
        var again = orders.upsert(anOrderLike(order, "10.00"));

        assertThat(first.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(first.value().amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(again.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(again.value()).isEqualTo(first.value());
    }

    @Test
    void anOrderOfAnUnknownCustomerOrWithARefundAboveTheAmountIsRefused() {
        Customer customer = customers.create(aCustomer().build());

        assertThatThrownBy(() -> orders.upsert(anOrder("NO-SUCH-" + customer.code()).build()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("customerCode"));
        assertThatThrownBy(() -> orders.upsert(anOrder(customer.code()).amount("10.00").refund("10.01").build()))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("refundAmount"));
    }

    @Test
    void theHistoryWindowHoldsTheTwentyFourMonthsEndingWithTheMonthAsOf() {
        Customer customer = customers.create(aCustomer().build());
        orders.upsert(anOrder(customer.code()).amount("1.00").paidAt("2023-03-15T04:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("2.00").paidAt("2023-04-15T04:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("4.00").paidAt("2025-03-15T04:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("8.00").paidAt("2025-04-15T04:00:00Z").build());

        PurchaseHistory history = aggregates.history(customer.id(), MARCH_2025);

        assertThat(history.month(0)).isEqualTo(YearMonth.of(2023, 4));
        assertThat(history.month(PurchaseHistory.MONTHS - 1)).isEqualTo(MARCH_2025);
        assertThat(history.monthlySpendCents()[0]).isEqualTo(200);
        assertThat(history.monthlySpendCents()[PurchaseHistory.MONTHS - 1]).isEqualTo(400);
        assertThat(history.spendIn(history.month(0), MARCH_2025)).isEqualByComparingTo("6.00");
        assertThat(history.lifetimeSpend()).isEqualByComparingTo("15.00");
        assertThat(history.months()).hasSize(24).first()
                .isEqualTo(new PurchaseHistory.MonthlyPurchase(YearMonth.of(2023, 4), new BigDecimal("2.00"), 1));
    }

    @Test
    void streamingHandsEveryCustomerOverOnceInIdOrderWithItsWindow() {
        Customer buyer = customers.create(aCustomer().build());
        Customer newcomer = customers.create(aCustomer().build());
        Customer oldBuyer = customers.create(aCustomer().build());
        orders.upsert(anOrder(buyer.code()).amount("5.00").paidAt("2025-02-10T04:00:00Z").build());
        orders.upsert(anOrder(buyer.code()).amount("7.00").paidAt("2025-03-10T04:00:00Z").build());
        orders.upsert(anOrder(buyer.code()).amount("9.00").paidAt("2025-03-11T04:00:00Z").build());
        orders.upsert(anOrder(oldBuyer.code()).amount("50.00").paidAt("2020-06-10T04:00:00Z").build());

        var seen = new ArrayList<Long>();
        Map<CustomerId, PurchaseHistory> ours = new HashMap<>();
        long count = aggregates.forEach(MARCH_2025, history -> {
            seen.add(history.customerId().value());
            if (List.of(buyer.id(), newcomer.id(), oldBuyer.id()).contains(history.customerId())) {
                ours.put(history.customerId(), history);
            }
        });

        assertThat(count).isEqualTo(seen.size()).isEqualTo(customers.count());
        assertThat(seen).isSorted().doesNotHaveDuplicates();
        assertThat(ours.get(buyer.id())).isEqualTo(aggregates.history(buyer.id(), MARCH_2025));
        assertThat(ours.get(buyer.id()).monthlyPaidOrders()[23]).isEqualTo(2);
        assertThat(ours.get(buyer.id()).monthlySpendCents()[22]).isEqualTo(500);
        assertThat(ours.get(buyer.id()).monthlySpendCents()[23]).isEqualTo(1600);
        assertThat(ours.get(newcomer.id())).isEqualTo(PurchaseHistory.none(newcomer.id(), MARCH_2025));
        PurchaseHistory old = ours.get(oldBuyer.id());
        assertThat(old.spendIn(old.month(0), MARCH_2025)).isZero();
        assertThat(old.lifetimeSpend()).isEqualByComparingTo("50.00");
        assertThat(old.lastPaidAt()).isEqualTo(Instant.parse("2020-06-10T04:00:00Z"));
    }

    @Test
    void theWindowIsTheTwelveCompleteMonthsBeforeTheMonthAsOfWhichIsTheMonthToDate() {
        Customer customer = customers.create(aCustomer().build());
        orders.upsert(anOrder(customer.code()).amount("1.00").paidAt("2024-02-15T04:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("2.00").paidAt("2024-03-15T04:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("4.00").paidAt("2025-02-15T04:00:00Z").build());
        orders.upsert(anOrder(customer.code()).amount("8.00").paidAt("2025-03-15T04:00:00Z").build());

        PurchaseHistory history = aggregates.history(customer.id(), MARCH_2025);

        assertThat(history.windowFirstMonth()).isEqualTo(YearMonth.of(2024, 3));
        assertThat(history.windowLastMonth()).isEqualTo(YearMonth.of(2025, 2));
        assertThat(history.spendInWindow()).isEqualByComparingTo("6.00");
        assertThat(history.paidOrdersInWindow()).isEqualTo(2);
        assertThat(history.spend(MARCH_2025)).as("the month to date").isEqualByComparingTo("8.00");
    }

    @Test
    void theHistoryOfAnUnknownCustomerIsNotFound() {
        assertThatThrownBy(() -> aggregates.history(CustomerId.of(Long.MAX_VALUE), MARCH_2025))
                .isInstanceOf(NotFound.class);
    }

    private static OrderDraft anOrderLike(OrderDraft order, String amount) {
        return new OrderDraft(order.externalId(), order.customerCode(), new BigDecimal(amount), BigDecimal.ZERO,
                order.placedAt(), order.paidAt(), order.status());
    }
}
