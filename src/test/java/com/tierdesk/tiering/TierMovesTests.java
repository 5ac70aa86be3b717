package com.tierdesk.tiering;

import static com.tierdesk.customer.CustomerFixture.aCustomer;
import static com.tierdesk.customer.CustomerFixture.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves between runs explained: the published score and tier beside the new ones, each indicator's change of points,
 * and the cause of a move, found by grading the customer's new figures against the previous run's population.
 */
@SpringBootTest
class TierMovesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Assessments assessments;

    @Autowired
    AssessmentResults results;

    @Autowired
    RunApprovals approvals;

    @Autowired
    RunDecisions decisions;

    @Autowired
    ScoringModels models;

    @Autowired
    Customers customers;

    @Autowired
    CustomerOrders orders;

    @Autowired
    CustomerActivity activity;

    @Autowired
    JdbcClient jdbc;

    LocalDate today;
    YearMonth month;
    long model;

    @BeforeEach
    void setUp() {
        today = activity.today();
        month = YearMonth.from(today);
        // spend ranked against everybody (80%), paid orders on absolute breakpoints (20%): VIP ≥ 90, margin 2
        model = models.create(new ScoringModel(Label.of("moves " + UUID.randomUUID()), null, List.of(new Dimension(
                Label.of("value"), 100, List.of(
                        new Indicator("spend_12m", new Normalisation.PercentileRank(), Indicator.Direction.HIGHER_IS_BETTER, 80),
                        new Indicator("order_count_12m", new Normalisation.Breakpoints(List.of(
                                new Normalisation.Breakpoints.Point(0, 0), new Normalisation.Breakpoints.Point(10, 100))),
                                Indicator.Direction.HIGHER_IS_BETTER, 20)))),
                null, TierPolicy.standard(TierPolicy.Grading.THRESHOLDS)), null, "analyst").modelId();
        // a population in which the best spend ranks above 98%
        for (long i = customers.count(); i < 60; i++) {
            aCustomer().name("小客户").withSpend("100.00", month.minusMonths(3).atDay(5)).create(customers, orders);
        }
    }

    @Test
    void aCustomerWhoseFiguresDidNotChangeButWhoMovesBecauseManyCustomersWereAddedIsMovedByThePopulation() {
        BigDecimal monthly = aboveEverybody();
        Customer steady = bigBuyer("steady", monthly);
        AssessmentRun first = assessAndPublish();
        TierExplanation before = results.explain(first.id(), steady.id());
        assertThat(before.tier()).isEqualTo("VIP");

        // enough bigger buyers that the steady customer's spend ranks below 85% of everybody
        int added = first.population() / 4 + 2;
        String bigger = monthly.multiply(BigDecimal.valueOf(11)).toPlainString();
        for (int i = 0; i < added; i++) {
            aCustomer().name("大客户").withSpend(bigger, month.minusMonths(2).atDay(5)).create(customers, orders);
        }
        AssessmentRun second = assess();

        TierExplanation after = results.explain(second.id(), steady.id());
        assertThat(after.metrics()).isEqualTo(before.metrics());
        assertThat(after.tier()).isEqualTo("KEY");
        assertThat(after.previousTier()).isEqualTo("VIP");
        assertThat(after.previous().cause()).isEqualTo(MoveCause.POPULATION);
        assertThat(after.previous().addedCustomers()).isGreaterThanOrEqualTo(added);
        assertThat(after.previous().ownChanges()).isEmpty();
        RunSummary.Moves moves = second.summary().moves();
        assertThat(moves.baselineRun()).isEqualTo(first.id().value());
        assertThat(moves.downgrades(MoveCause.POPULATION)).isPositive();
        assertThat(moves.addedCustomers()).isGreaterThanOrEqualTo(added);
        assertThat(results.results(second.id(), ResultFilter.DOWNGRADE, null, MoveCause.POPULATION, 0, 500))
                .extracting(r -> r.customer().code()).contains(steady.code());
        assertThat(results.results(second.id(), ResultFilter.DOWNGRADE, null, MoveCause.OWN_FIGURES, 0, 500))
                .extracting(r -> r.customer().code()).doesNotContain(steady.code());
        assertThat(results.countResults(second.id(), ResultFilter.ALL, null, MoveCause.POPULATION))
                .isEqualTo(moves.downgrades(MoveCause.POPULATION) + moves.upgrades(MoveCause.POPULATION));
    }

    @Test
    void aCustomerWhoseOwnSpendDroppedIsMovedByTheirOwnFiguresAndTheIndicatorIsNamed() {
        BigDecimal monthly = aboveEverybody();
        Customer dropping = bigBuyer("dropping", monthly);
        AssessmentRun first = assessAndPublish();
        TierExplanation before = results.explain(first.id(), dropping.id());
        assertThat(before.tier()).isEqualTo("VIP");

        for (int i = 1; i <= 10; i++) {
            order(dropping, "dropping", i, "1.00");
        }
        AssessmentRun second = assess();

        TierExplanation after = results.explain(second.id(), dropping.id());
        assertThat(after.tier()).isNotEqualTo("VIP");
        assertThat(after.previous().cause()).isEqualTo(MoveCause.OWN_FIGURES);
        assertThat(after.previous().ownChanges()).first().satisfies(change -> {
            assertThat(change.metric()).isEqualTo("spend_12m");
            assertThat(change.previous()).isEqualTo(monthly.doubleValue() * 10);
            assertThat(change.now()).isEqualTo(10.0);
        });
        assertThat(after.previous().ownChanges()).extracting(TierExplanation.FigureChange::metric)
                .doesNotContain("order_count_12m");

        // the published score and points beside the new ones, worked out from each run's normalised scores
        double spendBefore = before.scorecard().contributions().get(0).normalised();
        double spendAfter = after.scorecard().contributions().get(0).normalised();
        double byHandBefore = 0.8 * spendBefore + 0.2 * 100;
        double byHandAfter = 0.8 * spendAfter + 0.2 * 100;
        assertThat(after.previous().score()).isCloseTo(byHandBefore, within(1e-9));
        assertThat(after.score()).isCloseTo(byHandAfter, within(1e-9));
        assertThat(after.previous().contributions()).extracting(TierExplanation.ContributionChange::metric)
                .containsExactly("spend_12m", "order_count_12m");
        TierExplanation.ContributionChange spend = after.previous().contributions().get(0);
        assertThat(spend.previous()).isCloseTo(0.8 * spendBefore, within(1e-9));
        assertThat(spend.change()).isCloseTo(0.8 * (spendAfter - spendBefore), within(1e-9)).isNegative();
        TierExplanation.ContributionChange count = after.previous().contributions().get(1);
        assertThat(count.previous()).isCloseTo(20.0, within(1e-9));
        assertThat(count.change()).isCloseTo(0.0, within(1e-9));

        AssessmentResult line = results.results(second.id(), ResultFilter.DOWNGRADE, null, MoveCause.OWN_FIGURES, 0, 500)
                .stream().filter(r -> r.customer().code().equals(dropping.code())).findFirst().orElseThrow();
        assertThat(line.previousTier()).isEqualTo("VIP");
        assertThat(line.previousScore()).isCloseTo(byHandBefore, within(1e-9));
        assertThat(line.scoreChange()).isCloseTo(byHandAfter - byHandBefore, within(1e-9));
        assertThat(second.summary().moves().downgrades(MoveCause.OWN_FIGURES)).isPositive();
        assertThat(second.summary().moves().changedCustomers()).isPositive();
    }

    /** An order amount of which ten make more than any customer has spent so far. */
    private BigDecimal aboveEverybody() {
        BigDecimal most = jdbc.sql("SELECT COALESCE(MAX(lifetime_spend), 0) FROM customer_purchase_summary")
                .query(BigDecimal.class).single();
        return most.divideToIntegralValue(BigDecimal.TEN).add(new BigDecimal("1000.00"));
    }

    /** Ten paid orders of the amount in the last ten complete months: the most spend and a full order count. */
    private Customer bigBuyer(String prefix, BigDecimal monthly) {
        Customer customer = customers.create(aCustomer().name("稳定客户").registeredOn(today.minusYears(3)).build());
        for (int i = 1; i <= 10; i++) {
            order(customer, prefix, i, monthly.toPlainString());
        }
        return customer;
    }

    private void order(Customer customer, String prefix, int monthsAgo, String amount) {
        orders.upsert(anOrder(customer.code()).externalId(prefix + "-" + customer.code() + "-" + monthsAgo).amount(amount)
                .status(OrderStatus.DELIVERED)
                .paidMinutesAfter(month.minusMonths(monthsAgo).atDay(10).atTime(9, 50).atZone(SHANGHAI).toInstant(), 10)
                .build());
    }

    private AssessmentRun assess() {
        return assessments.run(new AssessmentRequest(today, model, null, null), TriggerKind.MANUAL, null, "analyst");
    }

    private AssessmentRun assessAndPublish() {
        AssessmentRun run = assess();
        approvals.approve(run.id().value(), "supervisor", null);
        decisions.publish(run.id());
        return run;
    }
}
