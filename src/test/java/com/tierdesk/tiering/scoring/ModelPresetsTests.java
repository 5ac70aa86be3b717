package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tierdesk.tiering.scoring.TierDecision.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shipped presets do what docs/tiering.md says they do. */
class ModelPresetsTests {

    private static final ScoringModel RFM = ModelPresets.rfmScorecard();
    private static final int VIP = 0;
    private static final int KEY = 1;
    private static final int WATCH = 3;

    /**
     * The scorecard's worked example: recency (days), orders in a year, 12-month spend, industry growth (percent;
     * "shrinking" taken as -3%), repurchase rate.
     */
    private static final double[][] EXAMPLE = {
            {30, 12, 800_000, 15, 0.85},
            {60, 6, 300_000, 8, 0.60},
            {120, 2, 80_000, -3, 0.30}};
    private static final List<Metric> METRICS = List.of(Metric.RECENCY_DAYS, Metric.ORDER_COUNT_12M, Metric.SPEND_12M,
            Metric.INDUSTRY_GROWTH, Metric.REPURCHASE_RATE);

    @Test
    void theRfmScorecardScoresTheWorkedExample92And75And45() {
        double[] scores = Arrays.stream(EXAMPLE).mapToDouble(ModelPresetsTests::score).toArray();

        assertThat(scores[0]).isCloseTo(92, within(3.0));
        assertThat(scores[1]).isCloseTo(75, within(3.0));
        assertThat(scores[2]).isCloseTo(45, within(3.0));
        assertThat(Arrays.stream(scores).mapToInt(RFM.tierPolicy()::byThreshold)).containsExactly(VIP, KEY, WATCH);
        assertThat(RFM.tierPolicy().grading()).isEqualTo(TierPolicy.Grading.THRESHOLDS);
        assertThat(RFM.indicators()).extracting(Indicator::normalisation).allMatch(Normalisation.Breakpoints.class::isInstance);
    }

    @Test
    void theWorkedExampleLandsInVipKeyAndWatchByScoreAloneWhateverThePopulation() {
        for (int others : new int[] {0, 99, 5_000}) {
            PopulationScoring.Input input = exampleAmong(others);
            PopulationScoring.Outcome outcome = PopulationScoring.score(RFM, input);

            for (int customer = 0; customer < 3; customer++) {
                assertThat(outcome.scores()[customer]).isCloseTo(score(EXAMPLE[customer]), within(1e-9));
                assertThat(outcome.gradingReason(RFM, customer)).isInstanceOf(GradingReason.Threshold.class);
                assertThat(outcome.decisions()[customer].reason()).as("not the churn rule").isEqualTo(Reason.GRADED);
            }
            assertThat(Arrays.stream(outcome.decisions()).limit(3).mapToInt(TierDecision::tier)).containsExactly(VIP, KEY, WATCH);
        }
    }

    @Test
    void theScorecardsBandsSitOnTheThresholds() {
        assertThat(indicatorScore(Metric.SPEND_12M, 500_000)).isEqualTo(90);
        assertThat(indicatorScore(Metric.SPEND_12M, 200_000)).isEqualTo(70);
        assertThat(indicatorScore(Metric.SPEND_12M, 50_000)).isEqualTo(50);
        assertThat(indicatorScore(Metric.SPEND_12M, 49_999)).isLessThan(50);
        assertThat(indicatorScore(Metric.REPURCHASE_RATE, 0.8)).isEqualTo(90);
        assertThat(indicatorScore(Metric.INDUSTRY_GROWTH, 15)).isEqualTo(90);
        assertThat(indicatorScore(Metric.INDUSTRY_GROWTH, 8)).isEqualTo(70);
        assertThat(indicatorScore(Metric.INDUSTRY_GROWTH, -0.01)).isLessThan(40);
    }

    private static double score(double[] example) {
        Map<String, Double> raw = new java.util.HashMap<>();
        for (int k = 0; k < METRICS.size(); k++) {
            raw.put(METRICS.get(k).key(), example[k]);
        }
        return RFM.score(raw, Map.of()).score();
    }

    private static double indicatorScore(Metric metric, double raw) {
        return RFM.indicators().stream().filter(indicator -> indicator.metric().equals(metric.key())).findFirst()
                .orElseThrow().score(raw, null);
    }

    /** The three customers of the example first, recently active (no churn), then others of every habit. */
    private static PopulationScoring.Input exampleAmong(int others) {
        var random = new SplittableRandom(others);
        List<Metric> metrics = RFM.metrics();
        int size = 3 + others;
        double[][] values = new double[metrics.size()][size];
        for (int k = 0; k < metrics.size(); k++) {
            int column = METRICS.indexOf(metrics.get(k));
            for (int i = 0; i < size; i++) {
                values[k][i] = i < 3 ? EXAMPLE[i][column] : random.nextDouble(0, 2 * EXAMPLE[0][column] + 1);
            }
        }
        int[] previous = new int[size];
        Arrays.fill(previous, -1);
        long[] days = new long[size];
        return new PopulationScoring.Input(new ArrayList<>(metrics), values, previous, new boolean[size], days);
    }
}
