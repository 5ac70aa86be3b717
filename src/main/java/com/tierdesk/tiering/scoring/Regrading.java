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

    /** Each indicator's points in the score (effective weight × score, direction applied), against these distributions. */
    public static double[] contributions(ScoringModel model, List<Metric> metrics, double[] raw, Map<String, Population> ranks) {
        List<Indicator> indicators = model.indicators();
        List<Double> weights = model.dimensions().stream().flatMap(dimension -> dimension.indicators().stream()
                .map(indicator -> dimension.weight() / 100 * indicator.weight() / 100)).toList();
        double[] points = new double[indicators.size()];
        for (int k = 0; k < indicators.size(); k++) {
            Indicator indicator = indicators.get(k);
            double value = raw[metrics.indexOf(Metric.byKey(indicator.metric()).orElseThrow())];
            points[k] = weights.get(k) * indicator.score(value, ranks.get(indicator.metric()));
        }
        return points;
    }

    /** The score of the figures against the distributions, 0-100. */
    public static double score(ScoringModel model, List<Metric> metrics, double[] raw, Map<String, Population> ranks) {
        double score = 0;
        for (double points : contributions(model, metrics, raw, ranks)) {
            score += points;
        }
        return Math.max(0, Math.min(100, score));
    }

    /**
     * The tier the customer's figures get against the baseline, after the churn rule and hysteresis against the
     * previous tier.
     */
    public static int tier(ScoringModel model, List<Metric> metrics, double[] raw, Baseline baseline, int previousTier,
            boolean previousPending, long daysWithoutPaidOrder) {
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
            score = score(model, metrics, raw, baseline.ranks());
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
