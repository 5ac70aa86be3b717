package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.TierDecision.Reason;
import com.tierdesk.tiering.scoring.TierPolicy.Grading;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grading and decision reasons the pure scoring gives, with their figures. */
class ReasonsTests {

    private static final int VIP = 0;
    private static final int KEY = 1;
    private static final int REGULAR = 2;
    private static final int WATCH = 3;

    /** One indicator, the spend, scored 0 to 100 over 0 to 100 CNY, so a customer's spend is their score. */
    private static ScoringModel spendModel(TierPolicy policy) {
        var spend = new Indicator(Metric.SPEND_12M.key(), new Normalisation.Breakpoints(List.of(
                new Normalisation.Breakpoints.Point(0, 0), new Normalisation.Breakpoints.Point(100, 100))),
                Indicator.Direction.HIGHER_IS_BETTER, 100);
        return new ScoringModel(Label.of("spend"), null, List.of(new Dimension(Label.of("Value"), 100, List.of(spend))), null, policy);
    }

    private static PopulationScoring.Input population(double[] spend, int[] previous, boolean[] pending, long[] days) {
        return new PopulationScoring.Input(List.of(Metric.SPEND_12M), new double[][] {spend}, previous, pending, days);
    }

    private static PopulationScoring.Input newcomers(double... spend) {
        int[] none = new int[spend.length];
        Arrays.fill(none, -1);
        return population(spend, none, new boolean[spend.length], new long[spend.length]);
    }

    @Test
    void thresholdsNameTheThresholdReachedAndTheOneMissed() {
        ScoringModel model = spendModel(TierPolicy.standard(Grading.THRESHOLDS));
        PopulationScoring.Outcome outcome = PopulationScoring.score(model, newcomers(95, 74.5, 12));

        assertThat(outcome.gradingReason(model, 0)).isEqualTo(new GradingReason.Threshold(95, 90.0, null, null));
        assertThat(outcome.gradingReason(model, 1)).isEqualTo(new GradingReason.Threshold(74.5, 70.0, 90.0, null));
        assertThat(outcome.gradingReason(model, 2)).as("the last tier has no threshold of its own")
                .isEqualTo(new GradingReason.Threshold(12, null, 50.0, null));
        assertThat(outcome.decisionReason(model.tierPolicy(), newcomers(95, 74.5, 12), 1)).isEqualTo(new DecisionReason.Graded());
    }

    @Test
    void quotasNameTheRankTheQuotaAndItsLowestScore() {
        ScoringModel model = spendModel(TierPolicy.standard(Grading.QUOTAS));
        double[] spend = new double[200];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = i / 2.0;
        }
        spend[199] = spend[198];

        PopulationScoring.Outcome outcome = PopulationScoring.score(model, newcomers(spend));

        assertThat(outcome.gradingReason(model, 199)).as("ties share the best rank of their group")
                .isEqualTo(new GradingReason.Quota(99, 1L, 200, 0, 10, 90.0));
        assertThat(outcome.gradingReason(model, 170)).isEqualTo(new GradingReason.Quota(85, 30L, 200, 10, 30, 70.0));
        assertThat(outcome.gradingReason(model, 0)).isEqualTo(new GradingReason.Quota(0, 200L, 200, 80, 100, null));
        assertThat(outcome.graded()[170]).isEqualTo(KEY);
    }

    @Test
    void aPopulationTooSmallForQuotasSaysThatThresholdsApplied() {
        ScoringModel model = spendModel(TierPolicy.standard(Grading.QUOTAS));

        assertThat(PopulationScoring.score(model, newcomers(75, 80)).gradingReason(model, 0))
                .isEqualTo(new GradingReason.Threshold(75, 70.0, 90.0, 100));
    }

    @Test
    void rulesNameTheRuleThatHeld() {
        ScoringModel model = ModelPresets.simpleRules();
        List<Metric> metrics = model.metrics();
        double[][] values = new double[metrics.size()][2];
        values[metrics.indexOf(Metric.SPEND_12M)][0] = 12_000;
        values[metrics.indexOf(Metric.ORDER_COUNT_12M)][0] = 3;
        values[metrics.indexOf(Metric.DAYS_SINCE_FIRST_PURCHASE)][0] = 400;
        values[metrics.indexOf(Metric.DAYS_SINCE_FIRST_PURCHASE)][1] = 400;
        var input = new PopulationScoring.Input(metrics, values, new int[] {-1, -1}, new boolean[2], new long[2]);

        PopulationScoring.Outcome outcome = PopulationScoring.score(model, input);

        assertThat(outcome.gradingReason(model, 0)).isEqualTo(new GradingReason.Rule(1, new Label("高价值", "high value")));
        assertThat(outcome.gradingReason(model, 1)).isEqualTo(new GradingReason.Otherwise());
    }

    @Test
    void decisionsCarryTheFiguresOfTheRuleThatDecided() {
        ScoringModel model = spendModel(TierPolicy.standard(Grading.THRESHOLDS));
        var input = population(new double[] {88.5, 88.5, 60, 95},
                new int[] {VIP, VIP, VIP, VIP}, new boolean[] {false, true, false, false}, new long[] {10, 10, 10, 120});

        PopulationScoring.Outcome outcome = PopulationScoring.score(model, input);

        assertThat(outcome.decisionReason(model.tierPolicy(), input, 0)).isEqualTo(new DecisionReason.Held(88.5, 90.0, 2));
        assertThat(outcome.decisionReason(model.tierPolicy(), input, 1)).isEqualTo(new DecisionReason.DowngradedTwice(88.5, 90.0));
        assertThat(outcome.decisionReason(model.tierPolicy(), input, 2))
                .isEqualTo(new DecisionReason.DowngradedBeyondMargin(60, 90, 2));
        assertThat(outcome.decisionReason(model.tierPolicy(), input, 3)).isEqualTo(new DecisionReason.Churn(120L, 90));
        assertThat(Arrays.stream(outcome.decisions()).map(TierDecision::tier)).containsExactly(VIP, KEY, REGULAR, WATCH);
    }

    @Test
    void aHoldWithoutAFloorToMeasureWaitsForTheSecondRun() {
        assertThat(DecisionReason.of(Reason.HELD, TierPolicy.standard(Grading.RULES), Double.NaN, Double.NaN, 5))
                .isEqualTo(new DecisionReason.Held(null, null, 2));
        assertThat(DecisionReason.of(Reason.CHURN, TierPolicy.standard(Grading.RULES), Double.NaN, Double.NaN, -1))
                .as("days not kept").isEqualTo(new DecisionReason.Churn(null, 90));
    }

    @Test
    void aRankIsOnePlusTheNumberOfHigherScores() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 30)).ofSizeBetween(1, 200)).checkAssert(values -> {
            double[] scores = values.stream().mapToDouble(Integer::doubleValue).toArray();
            int[] ranks = TierPolicy.ranks(scores);
            for (int i = 0; i < scores.length; i++) {
                double score = scores[i];
                assertThat(ranks[i]).isEqualTo(1 + (int) Arrays.stream(scores).filter(other -> other > score).count());
            }
        });
    }
}
