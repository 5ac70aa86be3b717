package com.tierdesk.tiering.scoring;

import java.util.List;
import java.util.Map;

/**
 * Grades one customer's figures against an earlier run's population instead of the current one: percentile ranks
 * against that run's distributions, quotas by the lowest score each tier took in that run, and the same churn rule
 * and hysteresis. Scores with the same arithmetic as {@link PopulationScoring}. When that gives the customer's
 * previous tier, the move of the current run comes from the other customers, not from the customer's figures.
 */
public final class Regrading {

    private Regrading() {
    }

    /**
     * What the earlier grading took from its population.
     *
     * @param ranks  for each metric of a percentile-rank indicator, the population's values
     * @param floors the lowest score each tier took, by tier index ({@code NaN} for none); read under quotas only
     * @param size   how many customers that population had (whether quotas applied)
     */
    public record Baseline(Map<String, Population> ranks, double[] floors, int size) {

        /** Whether the model can be graded against this baseline: every percentile-rank metric has its distribution. */
        public boolean covers(ScoringModel model) {
            return model.indicators().stream().allMatch(indicator -> !(indicator.normalisation() instanceof Normalisation.PercentileRank)
                    || ranks.containsKey(indicator.metric()));
        }
    }

    /** The model's indicators with their effective weights and the position of their metric, worked out once per run. */
    public static final class Weights {

        private final Indicator[] indicators;
        private final double[] weights;
        private final int[] metricAt;

        public Weights(ScoringModel model, List<Metric> metrics) {
            indicators = model.indicators().toArray(Indicator[]::new);
            weights = model.dimensions().stream().flatMap(dimension -> dimension.indicators().stream()
                    .map(indicator -> dimension.weight() / 100 * indicator.weight() / 100)).mapToDouble(Double::doubleValue).toArray();
            metricAt = java.util.Arrays.stream(indicators)
                    .mapToInt(indicator -> metrics.indexOf(Metric.byKey(indicator.metric()).orElseThrow())).toArray();
        }

        /** Each indicator's points in the score (effective weight × score, direction applied). */
        public double[] contributions(double[] raw, Map<String, Population> ranks) {
            double[] points = new double[indicators.length];
            for (int k = 0; k < indicators.length; k++) {
                points[k] = weights[k] * indicators[k].score(raw[metricAt[k]], ranks.get(indicators[k].metric()));
            }
            return points;
        }

        /** The score, 0-100, summed as {@link PopulationScoring} sums it. */
        public double score(double[] raw, Map<String, Population> ranks) {
            double score = 0;
            for (double points : contributions(raw, ranks)) {
                score += points;
            }
            return Math.max(0, Math.min(100, score));
        }

        /** The position of each indicator's metric among the run's metrics. */
        public int metricOf(int indicator) {
            return metricAt[indicator];
        }
    }

    /**
     * The tier the customer's figures get against the baseline, after the churn rule and hysteresis against the
     * previous tier.
     */
    public static int tier(ScoringModel model, Weights weights, List<Metric> metrics, double[] raw, Baseline baseline,
            int previousTier, boolean previousPending, long daysWithoutPaidOrder) {
        TierPolicy policy = model.tierPolicy();
        double score = Double.NaN;
        int graded;
        double[] floors;
        if (model.ruleBased()) {
            int rule = model.rules().firstHolding(metric -> raw[metrics.indexOf(metric)]);
            graded = rule < 0 ? policy.indexOf(model.rules().otherwise()) : policy.indexOf(model.rules().rules().get(rule).tier());
            floors = new double[policy.tiers().size()];
            java.util.Arrays.fill(floors, Double.NaN);
        } else {
            score = weights.score(raw, baseline.ranks());
            if (policy.byQuotas(baseline.size())) {
                floors = baseline.floors();
                graded = byFloors(floors, score);
            } else {
                floors = policy.floors(new double[0], new int[0]);
                graded = policy.byThreshold(score);
            }
        }
        return TierDecision.decide(policy, graded, score, previousTier < 0 ? Double.NaN : floors[previousTier],
                previousTier < 0 ? null : previousTier, previousPending, daysWithoutPaidOrder).tier();
    }

    /** The best tier whose lowest score the score reaches: where the earlier quotas put it; the last tier otherwise. */
    private static int byFloors(double[] floors, double score) {
        for (int t = 0; t < floors.length - 1; t++) {
            if (!Double.isNaN(floors[t]) && score >= floors[t]) {
                return t;
            }
        }
        return floors.length - 1;
    }
}
