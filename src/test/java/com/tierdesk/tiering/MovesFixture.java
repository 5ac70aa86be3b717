package com.tierdesk.tiering;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.customer.OrderStatus;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.internal.RunApprovals;
import com.tierdesk.tiering.scoring.Dimension;
import com.tierdesk.tiering.scoring.Indicator;
import com.tierdesk.tiering.scoring.Normalisation;
import com.tierdesk.tiering.scoring.ScoringModel;
import com.tierdesk.tiering.scoring.TierPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs whose customers move for a known cause: a model that ranks spend against everybody (80%) and scores paid
 * orders on absolute breakpoints (20%, ten orders give 100), graded VIP ≥ 90, Key ≥ 70 with a margin of 2; big
 * buyers at the top of the population; bigger buyers added to push them down.
 */
public final class MovesFixture {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Assessments assessments;
    private final RunApprovals approvals;
    private final RunDecisions decisions;
    private final Customers customers;
    private final CustomerOrders orders;
    private final JdbcClient jdbc;
    private final LocalDate today;
    private final long model;

    public MovesFixture(Assessments assessments, RunApprovals approvals, RunDecisions decisions, ScoringModels models,
            Customers customers, CustomerOrders orders, JdbcClient jdbc, LocalDate today) {
        this.assessments = assessments;
        this.approvals = approvals;
        this.decisions = decisions;
        this.customers = customers;
        this.orders = orders;
        this.jdbc = jdbc;
        this.today = today;
        model = models.create(new ScoringModel(Label.of("moves " + UUID.randomUUID()), null, List.of(new Dimension(
                Label.of("value"), 100, List.of(
                        new Indicator("spend_12m", new Normalisation.PercentileRank(), Indicator.Direction.HIGHER_IS_BETTER, 80),
                        new Indicator("order_count_12m", new Normalisation.Breakpoints(List.of(
                                new Normalisation.Breakpoints.Point(0, 0), new Normalisation.Breakpoints.Point(10, 100))),
                                Indicator.Direction.HIGHER_IS_BETTER, 20)))),
                null, TierPolicy.standard(TierPolicy.Grading.THRESHOLDS)), null, "analyst").modelId();
        // a population in which the best spend ranks above 98%
        for (long i = customers.count(); i < 60; i++) {
            aCustomer().name("小客户").withSpend("100.00", month().minusMonths(3).atDay(5)).create(customers, orders);
        }
    }

    /** An order amount of which ten make more than any customer has spent so far. */
    public BigDecimal aboveEverybody() {
        BigDecimal most = jdbc.sql("SELECT COALESCE(MAX(lifetime_spend), 0) FROM customer_purchase_summary")
                .query(BigDecimal.class).single();
        return most.divideToIntegralValue(BigDecimal.TEN).add(new BigDecimal("1000.00"));
    }

    /** Ten paid orders of the amount in the last ten complete months: the most spend and a full order count. */
    public Customer bigBuyer(String name, BigDecimal monthly) {
        Customer customer = customers.create(aCustomer().name(name).registeredOn(today.minusYears(3)).build());
        for (int i = 1; i <= 10; i++) {
            order(customer, i, monthly.toPlainString());
        }
        return customer;
    }

    /** Changes the amount of the big buyer's ten orders. */
    public void respend(Customer customer, String amount) {
        for (int i = 1; i <= 10; i++) {
            order(customer, i, amount);
        }
    }

    /** Enough customers spending more than the big buyers (in one order each) to rank them below 85% of everybody. */
    public int addBiggerBuyers(AssessmentRun published, BigDecimal monthly) {
        int added = published.population() / 4 + 2;
        String bigger = monthly.multiply(BigDecimal.valueOf(11)).toPlainString();
        for (int i = 0; i < added; i++) {
            aCustomer().name("大客户").withSpend(bigger, month().minusMonths(2).atDay(5)).create(customers, orders);
        }
        return added;
    }

    public AssessmentRun assess() {
        return assessments.run(new AssessmentRequest(today, model, null, null), TriggerKind.MANUAL, null, "analyst");
    }

    /** Assesses everybody and publishes the run in this thread, as another supervisor approved it. */
    public AssessmentRun assessAndPublish() {
        AssessmentRun run = assess();
        approvals.approve(run.id().value(), "supervisor", null);
        decisions.publish(run.id());
        return run;
    }

    private void order(Customer customer, int monthsAgo, String amount) {
        orders.upsert(anOrder(customer.code()).externalId("moves-" + customer.code() + "-" + monthsAgo).amount(amount)
                .status(OrderStatus.DELIVERED)
                .paidMinutesAfter(month().minusMonths(monthsAgo).atDay(10).atTime(9, 50).atZone(SHANGHAI).toInstant(), 10)
                .build());
    }

    private YearMonth month() {
        return YearMonth.from(today);
    }
}
