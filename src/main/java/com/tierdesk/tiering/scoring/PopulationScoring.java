package com.tierdesk.tiering.scoring;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Scores and grades a whole population in one pass over columns of metric values: percentile ranks and
 * quotas are always taken over everybody given here, whoever the run will keep results for. Deterministic:
 * the same values give the same outcome, in whatever order the customers come.
 */
public final class PopulationScoring {

    private PopulationScoring() {
    }

    /**
     * @param metrics              the metrics whose values are given, in the order of {@code values}
     * @param values               one column per metric, one value per customer ({@code NaN} when missing)
     * @param previousTier         each customer's tier index in the last published run, -1 for none
     * @param previousPending      whether that run held the customer by hysteresis
     * @param daysWithoutPaidOrder days since each customer's last paid order (or registration)
     */
    public record Input(List<Metric> metrics, double[][] values, int[] previousTier, boolean[] previousPending,
            long[] daysWithoutPaidOrder) {

        public int size() {
            return previousTier.length;
        }

        double[] column(String metricKey) {
            int index = metrics.indexOf(Metric.byKey(metricKey).orElseThrow());
            if (index < 0) {
                throw new IllegalArgumentException("no values for metric '" + metricKey + "'");
            }
            return values[index];
        }
    }

    /**
     * @param scores          each customer's score, {@code NaN} under a rule-based model
     * @param indicatorScores one column per indicator of the model: the normalised score, direction applied
     * @param graded          the tier index the grading gave
     * @param gradingRule     under a rule-based model the index of the rule that held, -1 for the otherwise tier
     * @param ranks           under quotas each score's rank ({@link TierPolicy#ranks}), otherwise {@code null}
     * @param floors          the lowest score each tier took (see {@link TierPolicy#floors})
     * @param decisions       the tier after the churn rule and hysteresis, with the reason
     * @param distributions   by metric key, the population each percentile-rank indicator ranked against
     */
    public record Outcome(double[] scores, double[][] indicatorScores, int[] graded, int[] gradingRule, int[] ranks,
            double[] floors, TierDecision[] decisions, Map<String, Population> distributions) {

        /** How the model's grading gave the customer's graded tier. */
        public GradingReason gradingReason(ScoringModel model, int customer) {
            return GradingReason.of(model, scores.length, scores[customer], graded[customer],
                    ranks == null ? 0 : ranks[customer], gradingRule[customer], floors);
        }

        /** Why the customer has their tier, with the figures of the rule that decided. */
        public DecisionReason decisionReason(TierPolicy policy, Input population, int customer) {
            int previous = population.previousTier()[customer];
            return DecisionReason.of(decisions[customer].reason(), policy, scores[customer],
                    previous < 0 ? Double.NaN : floors[previous], population.daysWithoutPaidOrder()[customer]);
        }
    }

    /** Scores the population, normalising the indicators in parallel on the common pool. */
    public static Outcome score(ScoringModel model, Input population) {
        return score(model, population, true);
    }

    /** As {@link #score(ScoringModel, Input)}; on the caller's thread alone when not in parallel (per-core figures). */
    static Outcome score(ScoringModel model, Input population, boolean inParallel) {
        int size = population.size();
        TierPolicy policy = model.tierPolicy();
        double[] scores = new double[size];
        double[][] indicatorScores;
        int[] graded;
        int[] gradingRule = new int[size];
        int[] ranks = null;
        double[] floors;
        Population[] ranked = new Population[model.indicators().size()];
        if (model.ruleBased()) {
            Arrays.fill(scores, Double.NaN);
            indicatorScores = new double[0][];
            graded = new int[size];
            grade(model.rules(), policy, population, graded, gradingRule);
            floors = new double[policy.tiers().size()];
            Arrays.fill(floors, Double.NaN);
        } else {
            indicatorScores = normalise(model, population, inParallel, ranked);
            List<Double> weights = model.dimensions().stream().flatMap(dimension -> dimension.indicators().stream()
                    .map(indicator -> dimension.weight() / 100 * indicator.weight() / 100)).toList();
            for (int k = 0; k < indicatorScores.length; k++) {
                double weight = weights.get(k);
                double[] column = indicatorScores[k];
                for (int i = 0; i < size; i++) {
                    scores[i] += weight * column[i];
                }
            }
            for (int i = 0; i < size; i++) {
                scores[i] = Math.max(0, Math.min(100, scores[i]));
            }
            ranks = policy.byQuotas(size) ? TierPolicy.ranks(scores) : null;
            graded = ranks == null ? policy.grade(scores) : policy.byRanks(ranks);
            Arrays.fill(gradingRule, -1);
            floors = policy.floors(scores, graded);
        }
        TierDecision[] decisions = new TierDecision[size];
        for (int i = 0; i < size; i++) {
            int previous = population.previousTier()[i];
            decisions[i] = TierDecision.decide(policy, graded[i], scores[i], previous < 0 ? Double.NaN : floors[previous],
                    previous < 0 ? null : previous, population.previousPending()[i], population.daysWithoutPaidOrder()[i]);
        }
        Map<String, Population> distributions = new LinkedHashMap<>();
        for (int k = 0; k < ranked.length; k++) {
            if (ranked[k] != null) {
                distributions.putIfAbsent(model.indicators().get(k).metric(), ranked[k]);
            }
        }
        return new Outcome(scores, indicatorScores, graded, gradingRule, ranks, floors, decisions, distributions);
    }

    /**
     * Each indicator's column on its own, in parallel if asked: percentile ranks sort the whole population, and the
     * population each ranked against is left in {@code ranked}.
     */
    private static double[][] normalise(ScoringModel model, Input population, boolean inParallel, Population[] ranked) {
        List<Indicator> indicators = model.indicators();
        double[][] normalised = new double[indicators.size()][];
        IntStream columns = IntStream.range(0, indicators.size());
        (inParallel ? columns.parallel() : columns).forEach(k -> {
            Indicator indicator = indicators.get(k);
            double[] raw = population.column(indicator.metric());
            double[] column = new double[raw.length];
            if (indicator.normalisation() instanceof Normalisation.PercentileRank) {
                Population.Ranked ranks = Population.ranked(raw);
                double[] percentileRanks = ranks.percentileRanks();
                for (int i = 0; i < raw.length; i++) {
                    column[i] = Double.isNaN(raw[i]) ? 0 : indicator.directed(percentileRanks[i]);
                }
                ranked[k] = ranks.population();
            } else {
                for (int i = 0; i < raw.length; i++) {
                    column[i] = indicator.score(raw[i], null);
                }
            }
            normalised[k] = column;
        });
        return normalised;
    }

    private static void grade(GradingRules rules, TierPolicy policy, Input population, int[] graded, int[] gradingRule) {
        List<Metric> metrics = population.metrics();
        double[][] values = population.values();
        int otherwise = policy.indexOf(rules.otherwise());
        int[] ruleTier = rules.rules().stream().mapToInt(rule -> policy.indexOf(rule.tier())).toArray();
        for (int i = 0; i < population.size(); i++) {
            int customer = i;
            int rule = rules.firstHolding(metric -> values[metrics.indexOf(metric)][customer]);
            gradingRule[i] = rule;
            graded[i] = rule < 0 ? otherwise : ruleTier[rule];
        }
    }
}
