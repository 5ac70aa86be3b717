package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anInteraction;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierdesk.shared.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CustomerActivityTests {

    static final LocalDate MARCH_15_2026 = LocalDate.of(2026, 3, 15);

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerInteractions interactions;

    @Autowired
    CustomerActivity activity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsTheTwelveCompleteMonthsBeforeTheDatesMonthAndTheHistoryUpToTheDate() {
        Customer customer = customers.create(aCustomer().industry("electronics").build());
        String code = customer.code();
        orders.upsert(anOrder(code).amount("100.00").paidMinutesAfter("2025-01-20T02:00:00Z", 30).build());
        // 00:30 on 1 March in Shanghai: the first month of the window although it is still February in UTC
        orders.upsert(anOrder(code).amount("200.00").paidMinutesAfter("2025-02-28T15:00:00Z", 90).build());
        orders.upsert(anOrder(code).amount("300.00").refund("50.00").status(OrderStatus.REFUNDED)
                .paidMinutesAfter("2025-06-10T02:00:00Z", 200).build());
        orders.upsert(anOrder(code).amount("999.00").status(OrderStatus.CANCELLED).paidAt("2025-07-10T02:00:00Z").build());
        orders.upsert(anOrder(code).amount("150.00").paidMinutesAfter("2025-10-05T02:00:00Z", 30).build());
        orders.upsert(anOrder(code).amount("60.00").paidMinutesAfter("2026-01-15T02:00:00Z", 10).build());
        orders.upsert(anOrder(code).amount("80.00").paidAt("2026-02-28T17:00:00Z").build());
        orders.upsert(anOrder(code).amount("70.00").paidAt("2026-03-20T02:00:00Z").build());
        interactions.upsert(anInteraction(code, InteractionKind.COMPLAINT, "2024-12-01T02:00:00Z"));
        interactions.upsert(anInteraction(code, InteractionKind.FEEDBACK, "2025-04-01T02:00:00Z"));
        interactions.upsert(anInteraction(code, InteractionKind.COMPLAINT, "2025-05-01T02:00:00Z"));
        interactions.upsert(anInteraction(code, InteractionKind.REFERRAL, "2025-07-01T02:00:00Z"));
        interactions.upsert(anInteraction(code, InteractionKind.INQUIRY, "2026-01-10T02:00:00Z"));
        interactions.upsert(anInteraction(code, InteractionKind.CART_WITHOUT_PURCHASE, "2026-03-10T02:00:00Z"));
        interactions.upsert(anInteraction(code, InteractionKind.FAVOURITE_WITHOUT_PURCHASE, "2026-03-18T02:00:00Z"));

        ActivityFigures figures = activity.of(customer.id(), MARCH_15_2026).orElseThrow();

        assertThat(figures.industry()).isEqualTo("electronics");
        assertThat(figures.spendCents()).as("200 + 250 + 150 + 60 in March 2025 to February 2026").isEqualTo(66_000);
        assertThat(figures.paidOrders()).isEqualTo(4);
        assertThat(figures.activeMonths()).isEqualTo(4);
        assertThat(figures.ordersRecentHalf()).as("September to February").isEqualTo(2);
        assertThat(figures.ordersEarlierHalf()).as("March to August").isEqualTo(2);
        assertThat(figures.spendLastMonthCents()).as("February 2026").isZero();
        assertThat(figures.spendMonthBeforeCents()).as("January 2026").isEqualTo(6_000);
        assertThat(figures.spendBaselineCents()).as("January to December 2025").isEqualTo(70_000);
        assertThat(figures.firstPaidAt()).isEqualTo(Instant.parse("2025-01-20T02:30:00Z"));
        assertThat(figures.lastPaidAt()).as("paid in March, before the date").isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
        assertThat(figures.lifetimePaidOrders()).isEqualTo(6);
        assertThat(figures.medianPayMinutes()).as("median of 90, 200, 30 and 10").isEqualTo(60.0);
        assertThat(figures.complaints()).isEqualTo(1);
        assertThat(figures.referrals()).isEqualTo(1);
        assertThat(figures.interactions()).isEqualTo(4);
        assertThat(figures.newNeeds()).isEqualTo(1);
        assertThat(figures.lastCartAt()).isEqualTo(Instant.parse("2026-03-10T02:00:00Z"));
    }

    @Test
    void aCustomerWithoutOrdersHasZerosAndNoTimes() {
        Customer customer = customers.create(aCustomer().build());

        ActivityFigures figures = activity.of(customer.id(), MARCH_15_2026).orElseThrow();

        assertThat(figures.spendCents()).isZero();
        assertThat(figures.lifetimePaidOrders()).isZero();
        assertThat(figures.firstPaidAt()).isNull();
        assertThat(figures.lastPaidAt()).isNull();
        assertThat(figures.medianPayMinutes()).isNaN();
    }

    @Test
    void asOfTodayTheSnapshotFollowsEveryWriteAndAgreesWithTheComputation() {
        LocalDate today = activity.today();
        Customer customer = customers.create(aCustomer().build());
        String code = customer.code();
        Instant lastMonth = today.minusMonths(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3 * 3600);
        orders.upsert(anOrder(code).amount("120.00").paidAt(lastMonth.toString()).build());
        assertThat(snapshotOf(customer, today).spendLastMonthCents()).isEqualTo(12_000);

        orders.upsert(anOrder(code).amount("30.50").paidAt(lastMonth.plusSeconds(3600).toString()).build());
        interactions.upsert(anInteraction(code, InteractionKind.COMPLAINT, lastMonth.toString()));

        ActivityFigures snapshot = snapshotOf(customer, today);
        assertThat(snapshot.spendLastMonthCents()).isEqualTo(15_050);
        assertThat(snapshot.complaints()).isEqualTo(1);
        assertThat(snapshot).isEqualTo(activity.of(customer.id(), today).orElseThrow());
    }

    @Test
    void theFirstRefreshOfAMonthMovesEveryCustomersWindow() {
        customers.create(aCustomer().build());
        activity.refresh();
        jdbc.sql("UPDATE customer_activity_state SET window_month = DATE '2020-01-01'").update();

        ActivityRefresh refresh = activity.refresh();
        assertThat(refresh.rolledOver()).isTrue();
        assertThat(refresh.written()).isEqualTo(customers.count());
        assertThat(activity.refresh().written()).as("nothing changed since").isZero();
    }

    @Test
    void refusesADateInTheFuture() {
        assertThatThrownBy(() -> activity.forEach(activity.today().plusDays(1), figures -> { }))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("future");
    }

    private ActivityFigures snapshotOf(Customer customer, LocalDate today) {
        List<ActivityFigures> found = new ArrayList<>();
        activity.forEach(today, figures -> {
            if (figures.customerId().equals(customer.id())) {
                found.add(figures);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
