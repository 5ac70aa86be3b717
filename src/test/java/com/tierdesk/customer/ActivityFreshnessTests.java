package com.tierdesk.customer;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anInteraction;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.ActivityFiguresStore.IdRange;
import com.tierdesk.customer.internal.ActivityMonthsStore;
import com.tierdesk.shared.SettableTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today's figures follow every change at a cost that grows with the changes, a new month moves every window from the
 * monthly figures, and a past month-end reads them: each time the figures equal those computed from the orders.
 * This context executes no background tasks, so only the test refreshes.
 */
@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
@Import(SettableTime.class)
class ActivityFreshnessTests {

    /** Medians come from SQL's PERCENTILE_CONT on one side and from the monthly lists on the other. */
    static final Comparator<Double> SAME_MEDIAN = (a, b) -> a.isNaN() && b.isNaN() || Math.abs(a - b) < 1e-9 ? 0 : 1;

    @Autowired
    SettableTime.SettableClock clock;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerInteractions interactions;

    @Autowired
    CustomerActivity activity;

    @Autowired
    ActivityFiguresStore figuresStore;

    @Autowired
    ActivityMonthsStore monthsStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void realTime() {
        clock.set(Instant.now());
    }

    @Test
    void aDayOfChangesIsInTheFiguresAsItIsWrittenAndEqualsTheOrders() {
        LocalDate today = activity.today();
        List<Customer> buyers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Customer buyer = customers.create(aCustomer().build());
            buyers.add(buyer);
            for (int month = 1; month <= 14; month += 3) {
                orders.upsert(anOrder(buyer.code()).amount((100 + 10 * i) + ".00")
                        .paidMinutesAfter(noonOf(today.minusMonths(month)), 7 + month * i).build());
            }
        }
        activity.refresh();

        String back = buyers.get(0).code();
        orders.upsert(anOrder(back).amount("88.00").paidMinutesAfter(noonOf(today.minusMonths(5)), 45).build());
        CustomerOrder refunded = orders.upsert(anOrder(buyers.get(1).code()).amount("300.00")
                .paidMinutesAfter(noonOf(today.minusMonths(2)), 12).build()).value();
        // a refund as an import or the order API writes it (the refund API's listener would refresh on its own)
        orders.upsert(anOrder(buyers.get(1).code()).externalId(refunded.externalId()).amount("300.00").refund("75.25")
                .paidMinutesAfter(noonOf(today.minusMonths(2)), 12).build());
        interactions.upsert(anInteraction(buyers.get(2).code(), InteractionKind.COMPLAINT, noonOf(today.minusMonths(3))));
        orders.upsert(anOrder(buyers.get(2).code()).amount("19.90").paidAt(clock.instant().minusSeconds(60)).build());

        ActivityRefresh refresh = activity.refresh();

        assertThat(refresh.rebuilt()).isFalse();
        assertThat(refresh.changedCustomers()).as("the writes brought their customers' figures up to date").isZero();
        assertThat(refresh.written()).isZero();
        for (Customer buyer : buyers) {
            assertSameFigures(snapshotOf(buyer, today), activity.of(buyer.id(), today).orElseThrow());
        }
        assertThat(snapshotOf(buyers.get(1), today).spendMonthBeforeCents()).as("the refund counts at once")
                .isEqualTo(30_000 - 7_525);
    }

    @Test
    void aCustomerWrittenWhileEveryRowWasRewrittenIsComputedAgainByTheNextRefresh() {
        LocalDate today = activity.today();
        Customer customer = customers.create(aCustomer().build());
        activity.refresh();
        orders.upsert(anOrder(customer.code()).amount("64.00").paidAt(noonOf(today.minusMonths(2))).build());
        // as if a new month's rewrite, reading the row before this write committed, had replaced it afterwards
        jdbc.sql("UPDATE customer_activity_state SET generation = generation + 1").update();
        jdbc.sql("UPDATE customer_activity_figures SET spend_cents = 0, lifetime_paid_orders = 0 WHERE customer_id = :id")
                .param("id", customer.id().value()).update();

        ActivityRefresh refresh = activity.refresh();

        assertThat(refresh.changedCustomers()).isEqualTo(1);
        assertThat(snapshotOf(customer, today).spendCents()).isEqualTo(6_400);
        assertSameFigures(snapshotOf(customer, today), activity.of(customer.id(), today).orElseThrow());
    }

    @Test
    void anOrderPaidAtAFutureInstantCountsFromThatInstantOn() {
        clock.set(activity.today(), LocalTime.of(10, 0));
        LocalDate today = activity.today();
        Customer customer = customers.create(aCustomer().build());
        orders.upsert(anOrder(customer.code()).amount("50.00").paidAt(noonOf(today.minusMonths(1))).build());
        Instant inTwoDays = clock.instant().plus(Duration.ofDays(2));
        orders.upsert(anOrder(customer.code()).amount("70.00").paidAt(inTwoDays).build());

        activity.refresh();
        assertThat(snapshotOf(customer, today).lifetimePaidOrders()).as("not paid yet").isEqualTo(1);

        clock.set(inTwoDays.plusSeconds(60));
        ActivityRefresh refresh = activity.refresh();

        LocalDate later = activity.today();
        assertThat(refresh.changedCustomers()).isGreaterThanOrEqualTo(1);
        ActivityFigures figures = snapshotOf(customer, later);
        assertThat(figures.lifetimePaidOrders()).as("paid now").isEqualTo(2);
        assertThat(figures.lastPaidAt()).isEqualTo(inTwoDays);
        assertSameFigures(figures, activity.of(customer.id(), later).orElseThrow());
    }

    @Test
    void aNewMonthMovesEveryWindowFromTheMonthlyFiguresNotTheOrders() {
        LocalDate today = activity.today();
        Customer customer = customers.create(aCustomer().build());
        for (int month = 1; month <= 16; month++) {
            orders.upsert(anOrder(customer.code()).amount((20 + month) + ".00")
                    .paidMinutesAfter(noonOf(today.minusMonths(month)), 3 * month + 1).build());
        }
        interactions.upsert(anInteraction(customer.code(), InteractionKind.REFERRAL, noonOf(today.minusMonths(1))));
        activity.refresh();
        // as if the snapshot still held last month's windows, with figures no order gives
        jdbc.sql("UPDATE customer_activity_state SET window_month = :previous")
                .param("previous", YearMonth.from(today).minusMonths(1).atDay(1)).update();
        jdbc.sql("UPDATE customer_activity_figures SET spend_cents = -1, active_months = -1, median_pay_minutes = -1, "
                + "referrals = -1 WHERE customer_id = :id").param("id", customer.id().value()).update();

        ActivityRefresh refresh = activity.refresh();

        assertThat(refresh.rolledOver()).isTrue();
        assertThat(refresh.rebuilt()).isFalse();
        assertThat(refresh.written()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM customer_activity_figures").query(Long.class).single());
        ActivityFigures moved = snapshotOf(customer, today);
        assertThat(moved.spendCents()).isPositive();
        assertThat(moved.referrals()).isEqualTo(1);
        assertSameFigures(moved, activity.of(customer.id(), today).orElseThrow());
        assertThat(activity.refresh().written()).as("nothing changed since").isZero();
    }

    @Test
    void aPastMonthEndReadsTheMonthlyFiguresAndEqualsTheOrdersForEveryCustomer() {
        LocalDate today = activity.today();
        Customer customer = customers.create(aCustomer().build());
        for (int month = 1; month <= 30; month += 2) {
            orders.upsert(anOrder(customer.code()).amount((40 + month) + ".50")
                    .paidMinutesAfter(noonOf(today.minusMonths(month)), 5 * month).build());
        }
        interactions.upsert(anInteraction(customer.code(), InteractionKind.CART_WITHOUT_PURCHASE, noonOf(today.minusMonths(4))));
        activity.refresh();
        LocalDate monthEnd = YearMonth.from(today).minusMonths(3).atEndOfMonth();
        assertThat(activity.readsMonthlyFigures(monthEnd)).isTrue();
        assertThat(activity.readsMonthlyFigures(YearMonth.from(today).minusMonths(25).atEndOfMonth()))
                .as("older than 24 months").isFalse();
        assertThat(activity.readsMonthlyFigures(monthEnd.minusDays(1))).as("not a month-end").isFalse();

        Map<CustomerId, ActivityFigures> fromMonths = new HashMap<>();
        activity.forEach(monthEnd, figures -> fromMonths.put(figures.customerId(), figures));
        Map<CustomerId, ActivityFigures> fromOrders = new HashMap<>();
        IdRange everybody = figuresStore.idRange().orElseThrow();
        new TransactionTemplate(transactions).executeWithoutResult(status -> figuresStore.computeAll(
                ActivityWindow.asOf(monthEnd, CustomerFixture.ZONE), everybody,
                figures -> fromOrders.put(figures.customerId(), figures)));

        assertThat(fromMonths.keySet()).isEqualTo(fromOrders.keySet());
        assertThat(fromMonths.get(customer.id()).paidOrders()).isPositive();
        fromOrders.forEach((id, expected) -> assertSameFigures(fromMonths.get(id), expected));
    }

    private static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(CustomerFixture.ZONE).toInstant();
    }

    private static void assertSameFigures(ActivityFigures actual, ActivityFigures expected) {
        assertThat(actual).as("figures of customer %s", expected.customerId()).usingRecursiveComparison()
                .withComparatorForType(SAME_MEDIAN, Double.class).isEqualTo(expected);
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
