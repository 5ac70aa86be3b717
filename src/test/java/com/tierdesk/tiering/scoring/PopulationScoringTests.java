package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.TierDecision.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Properties of scoring a whole population, on random populations, with both shipped weighted presets. */
class PopulationScoringTests {

    private static final List<ScoringModel> WEIGHTED = List.of(ModelPresets.valuePotentialLoyalty(), ModelPresets.rfmScorecard(),
            rankedScorecard());

    /**
     * The RFM scorecard as it shipped before it took absolute breakpoints: frequency and spend as percentile ranks
     * in the population, graded by quotas; population-dependent scoring, which a model may still use.
     */
    static ScoringModel rankedScorecard() {
        return new ScoringModel(Label.of("RFM by percentile ranks and quotas"), null, List.of(
                new Dimension(Label.of("Recency"), 20, List.of(breakpoints(Metric.RECENCY_DAYS, Indicator.Direction.LOWER_IS_BETTER,
                        0, 0, 30, 30, 90, 70, 365, 100))),
                new Dimension(Label.of("Frequency"), 15, List.of(percentileRank(Metric.ORDER_COUNT_12M))),
                new Dimension(Label.of("Monetary"), 35, List.of(percentileRank(Metric.SPEND_12M))),
                new Dimension(Label.of("Industry potential"), 15, List.of(breakpoints(Metric.INDUSTRY_GROWTH,
                        Indicator.Direction.HIGHER_IS_BETTER, -10, 0, 0, 40, 10, 80, 20, 100))),
                new Dimension(Label.of("Loyalty"), 15, List.of(breakpoints(Metric.REPURCHASE_RATE, Indicator.Direction.HIGHER_IS_BETTER,
                        0, 0, 0.25, 50, 0.5, 80, 0.75, 100)))),
                null, TierPolicy.standard(TierPolicy.Grading.QUOTAS));
    }

    private static Indicator percentileRank(Metric metric) {
        return new Indicator(metric.key(), new Normalisation.PercentileRank(), Indicator.Direction.HIGHER_IS_BETTER, 100);
    }

    private static Indicator breakpoints(Metric metric, Indicator.Direction direction, double... rawThenScore) {
        List<Normalisation.Breakpoints.Point> points = new ArrayList<>();
        for (int i = 0; i < rawThenScore.length; i += 2) {
            points.add(new Normalisation.Breakpoints.Point(rawThenScore[i], rawThenScore[i + 1]));
        }
        return new Indicator(metric.key(), new Normalisation.Breakpoints(points), direction, 100);
    }

    @Test
    void scoresStayWithin0And100() {
        qt().withExamples(60).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, size) -> {
            for (ScoringModel model : WEIGHTED) {
                double[] scores = PopulationScoring.score(model, randomPopulation(model, size, seed)).scores();
                assertThat(Arrays.stream(scores).min().orElse(0)).isGreaterThanOrEqualTo(0.0);
                assertThat(Arrays.stream(scores).max().orElse(0)).isLessThanOrEqualTo(100.0);
            }
        });
    }

    @Test
    void scoringOnOneThreadGivesWhatTheParallelScoringGives() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 400)).checkAssert((seed, size) -> {
            for (ScoringModel model : WEIGHTED) {
                PopulationScoring.Input input = randomPopulation(model, size, seed);
                PopulationScoring.Outcome parallel = PopulationScoring.score(model, input, true);
                PopulationScoring.Outcome alone = PopulationScoring.score(model, input, false);
                assertThat(alone.scores()).containsExactly(parallel.scores());
                assertThat(alone.indicatorScores()).isDeepEqualTo(parallel.indicatorScores());
                assertThat(alone.graded()).containsExactly(parallel.graded());
            }
        });
    }

    @Test
    void moreSpendNeverLowersTheValueScoreOrTheScore() {
        qt().withExamples(60).forAll(longs().all(), integers().between(2, 300), doubles().between(0, 1e7))
                .checkAssert((seed, size, extra) -> {
                    for (ScoringModel model : WEIGHTED) {
                        PopulationScoring.Input before = randomPopulation(model, size, seed);
                        int customer = (int) Math.floorMod(seed, (long) size);
                        PopulationScoring.Input after = withMoreSpend(model, before, customer, extra);

                        PopulationScoring.Outcome was = PopulationScoring.score(model, before);
                        PopulationScoring.Outcome is = PopulationScoring.score(model, after);

                        assertThat(dimensionScore(model, is, "Value", customer))
                                .isGreaterThanOrEqualTo(dimensionScore(model, was, "Value", customer) - 1e-9);
                        assertThat(is.scores()[customer]).isGreaterThanOrEqualTo(was.scores()[customer] - 1e-9);
                    }
                });
    }

    @Test
    void theSameInputsGiveTheSameRunWhateverOrderTheCustomersComeIn() {
        qt().withExamples(40).forAll(longs().all(), integers().between(1, 300)).checkAssert((seed, size) -> {
            ScoringModel model = rankedScorecard();
            PopulationScoring.Input input = randomPopulation(model, size, seed);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new java.util.Random(seed));
            PopulationScoring.Input shuffled = permuted(input, order);

            PopulationScoring.Outcome once = PopulationScoring.score(model, input);
            PopulationScoring.Outcome again = PopulationScoring.score(model, input);
            PopulationScoring.Outcome reordered = PopulationScoring.score(model, shuffled);

            assertThat(again.scores()).containsExactly(once.scores());
            assertThat(again.decisions()).containsExactly(once.decisions());
            for (int position = 0; position < size; position++) {
                int customer = order.get(position);
                assertThat(reordered.scores()[position]).isEqualTo(once.scores()[customer]);
                assertThat(reordered.decisions()[position]).isEqualTo(once.decisions()[customer]);
            }
        });
    }

    @Test
    void quotasGiveTheRequestedSharesUpToTies() {
        qt().withExamples(40).forAll(longs().all(), integers().between(100, 2_000)).checkAssert((seed, size) -> {
            ScoringModel model = rankedScorecard();
            PopulationScoring.Input input = randomPopulation(model, size, seed);
            PopulationScoring.Outcome outcome = PopulationScoring.score(model, input);
            double[] scores = outcome.scores();
            double cumulative = 0;
            int reached = 0;
            for (int tier = 0; tier < 4; tier++) {
                cumulative += model.tierPolicy().tiers().get(tier).quotaPercent();
                int t = tier;
                reached += (int) Arrays.stream(outcome.graded()).filter(g -> g == t).count();
                long target = Math.round(cumulative / 100 * size);
                // ties never split, so a boundary may only move by the size of the tie group it falls in
                double boundaryScore = sortedDescending(scores)[(int) Math.max(0, Math.min(size - 1, target - 1))];
                long tie = Arrays.stream(scores).filter(s -> s == boundaryScore).count();
                assertThat((long) reached).isBetween(target - tie, target + tie);
            }
        });
    }

    @Test
    void churnedCustomersAreWatchWhateverTheirScore() {
        ScoringModel model = ModelPresets.valuePotentialLoyalty();
        PopulationScoring.Input input = randomPopulation(model, 50, 7);
        Arrays.fill(input.daysWithoutPaidOrder(), 91);

        PopulationScoring.Outcome outcome = PopulationScoring.score(model, input);

        assertThat(outcome.decisions()).allSatisfy(decision -> {
            assertThat(decision.tier()).isEqualTo(3);
            assertThat(decision.reason()).isEqualTo(Reason.CHURN);
        });
    }

    private static double dimensionScore(ScoringModel model, PopulationScoring.Outcome outcome, String dimension, int customer) {
        double sum = 0;
        int k = 0;
        for (Dimension d : model.dimensions()) {
            for (Indicator indicator : d.indicators()) {
                if (d.name().equals(dimension)) {
                    sum += indicator.weight() / 100 * outcome.indicatorScores()[k][customer];
                }
                k++;
            }
        }
        return sum;
    }

    private static PopulationScoring.Input withMoreSpend(ScoringModel model, PopulationScoring.Input input, int customer,
            double extra) {
        double[][] values = Arrays.stream(input.values()).map(double[]::clone).toArray(double[][]::new);
        int spend = model.metrics().indexOf(Metric.SPEND_12M);
        int orders = model.metrics().indexOf(Metric.ORDER_COUNT_12M);
        int average = model.metrics().indexOf(Metric.AVERAGE_ORDER_VALUE);
        values[spend][customer] += extra;
        if (average >= 0) {
            double count = orders >= 0 ? Math.max(1, values[orders][customer]) : Math.max(1, values[spend][customer] / Math.max(1, values[average][customer]));
            values[average][customer] = values[spend][customer] / count;
        }
        return new PopulationScoring.Input(input.metrics(), values, input.previousTier(), input.previousPending(),
                input.daysWithoutPaidOrder());
    }

    private static PopulationScoring.Input permuted(PopulationScoring.Input input, List<Integer> order) {
        int size = order.size();
        double[][] values = new double[input.values().length][size];
        int[] previous = new int[size];
        boolean[] pending = new boolean[size];
        long[] days = new long[size];
        for (int position = 0; position < size; position++) {
            int customer = order.get(position);
            for (int k = 0; k < values.length; k++) {
                values[k][position] = input.values()[k][customer];
            }
            previous[position] = input.previousTier()[customer];
            pending[position] = input.previousPending()[customer];
            days[position] = input.daysWithoutPaidOrder()[customer];
        }
        return new PopulationScoring.Input(input.metrics(), values, previous, pending, days);
    }

    /** Customers with plausible metric values, a fifth with equal values (ties), some with a published tier. */
    static PopulationScoring.Input randomPopulation(ScoringModel model, int size, long seed) {
        var random = new SplittableRandom(seed);
        List<Metric> metrics = model.metrics();
        double[][] values = new double[metrics.size()][size];
        for (int i = 0; i < size; i++) {
            boolean tied = random.nextInt(5) == 0;
            double orders = tied ? 3 : random.nextInt(40);
            double spend = tied ? 900 : Math.round(Math.exp(random.nextDouble(0, 11)) * 100) / 100.0;
            for (int k = 0; k < metrics.size(); k++) {
                values[k][i] = switch (metrics.get(k)) {
                    case SPEND_12M -> spend;
                    case ORDER_COUNT_12M -> orders;
                    case AVERAGE_ORDER_VALUE -> orders == 0 ? 0 : spend / orders;
                    case RECENCY_DAYS -> tied ? 30 : random.nextInt(400);
                    case INDUSTRY_GROWTH -> tied ? 5 : random.nextDouble(-15, 30);
                    case ORDER_GROWTH_RATE -> tied ? 0 : random.nextDouble(-1, 2);
                    case NEW_NEEDS_12M -> tied ? 1 : random.nextInt(8);
                    case PURCHASE_PROBABILITY, REPURCHASE_RATE -> tied ? 0.5 : random.nextDouble();
                    case REFERRAL_RATE, COMPLAINT_RATE -> tied ? 0 : random.nextDouble(0, 0.5);
                    default -> random.nextDouble(0, 100);
                };
            }
        }
        int[] previous = new int[size];
        boolean[] pending = new boolean[size];
        long[] days = new long[size];
        for (int i = 0; i < size; i++) {
            previous[i] = random.nextInt(5) - 1;
            pending[i] = previous[i] >= 0 && random.nextInt(4) == 0;
            days[i] = random.nextInt(80);
        }
        return new PopulationScoring.Input(metrics, values, previous, pending, days);
    }

    private static double[] sortedDescending(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length / 2; i++) {
            double swap = sorted[i];
            sorted[i] = sorted[sorted.length - 1 - i];
            sorted[sorted.length - 1 - i] = swap;
        }
        return sorted;
    }
}
