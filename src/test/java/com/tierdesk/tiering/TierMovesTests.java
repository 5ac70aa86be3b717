package com.tierdesk.tiering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tierdesk.customer.Customer;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.Customers;
import com.tierdesk.tiering.internal.RunApprovals;
import java.math.BigDecimal;
import java.util.List;
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

    MovesFixture moves;

    @BeforeEach
    void setUp() {
        moves = new MovesFixture(assessments, approvals, decisions, models, customers, orders, jdbc, activity.today());
    }

    @Test
    void aCustomerWhoseFiguresDidNotChangeButWhoMovesBecauseManyCustomersWereAddedIsMovedByThePopulation() {
        BigDecimal monthly = moves.aboveEverybody();
        Customer steady = moves.bigBuyer("稳定客户", monthly);
        AssessmentRun first = moves.assessAndPublish();
        TierExplanation before = results.explain(first.id(), steady.id());
        assertThat(before.tier()).isEqualTo("VIP");

        int added = moves.addBiggerBuyers(first, monthly);
        AssessmentRun second = moves.assess();

        TierExplanation after = results.explain(second.id(), steady.id());
        assertThat(after.metrics()).isEqualTo(before.metrics());
        assertThat(after.tier()).isEqualTo("KEY");
        assertThat(after.previousTier()).isEqualTo("VIP");
        assertThat(after.previous().cause()).isEqualTo(MoveCause.POPULATION);
        assertThat(after.previous().addedCustomers()).isGreaterThanOrEqualTo(added);
        assertThat(after.previous().ownChanges()).isEmpty();
        RunSummary.Moves counts = second.summary().moves();
        assertThat(counts.baselineRun()).isEqualTo(first.id().value());
        assertThat(counts.downgrades(MoveCause.POPULATION)).isPositive();
        assertThat(counts.addedCustomers()).isGreaterThanOrEqualTo(added);
        assertThat(results.results(second.id(), ResultFilter.DOWNGRADE, null, MoveCause.POPULATION, 0, 500))
                .extracting(r -> r.customer().code()).contains(steady.code());
        assertThat(results.results(second.id(), ResultFilter.DOWNGRADE, null, MoveCause.OWN_FIGURES, 0, 500))
                .extracting(r -> r.customer().code()).doesNotContain(steady.code());
        assertThat(results.countResults(second.id(), ResultFilter.ALL, null, MoveCause.POPULATION))
                .isEqualTo(counts.downgrades(MoveCause.POPULATION) + counts.upgrades(MoveCause.POPULATION));
    }

    @Test
    void aCustomerWhoseOwnSpendDroppedIsMovedByTheirOwnFiguresAndTheIndicatorIsNamed() {
        BigDecimal monthly = moves.aboveEverybody();
        Customer dropping = moves.bigBuyer("下滑客户", monthly);
        AssessmentRun first = moves.assessAndPublish();
        TierExplanation before = results.explain(first.id(), dropping.id());
        assertThat(before.tier()).isEqualTo("VIP");

        // nothing spent: ranked below everybody who spent, however many customers without purchases other tests left
        moves.respend(dropping, "0.00");
        AssessmentRun second = moves.assess();

        TierExplanation after = results.explain(second.id(), dropping.id());
        assertThat(after.tier()).isNotEqualTo("VIP");
        assertThat(after.previous().run()).as("the run that gave the published tier").isEqualTo(first.id());
        assertThat(after.previous().cause()).isEqualTo(MoveCause.OWN_FIGURES);
        assertThat(after.previous().ownChanges()).as("the figures that moved %s", after).first().satisfies(change -> {
            assertThat(change.metric()).isEqualTo("spend_12m");
            assertThat(change.previous()).isEqualTo(monthly.doubleValue() * 10);
            assertThat(change.now()).isEqualTo(0.0);
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
}
