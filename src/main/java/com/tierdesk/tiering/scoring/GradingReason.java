package com.tierdesk.tiering.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tierdesk.shared.Label;

/**
 * How the grading gave a customer's graded tier, with the figures that decided it: the threshold the score
 * reached, the quota the score's rank fell in, or the rule that held. Tiers are the ones the explanation names;
 * the words are made where a reader sees them.
 */
public sealed interface GradingReason {

    enum Kind { THRESHOLD, QUOTA, RULE, OTHERWISE }

    @JsonProperty("kind")
    Kind kind();

    /**
     * The score reached the graded tier's threshold ({@code reached}; {@code null} for the last tier, which has none)
     * and stayed under the threshold of the tier above ({@code missed}; {@code null} for the best tier).
     * {@code quotaMinimum} is set when the model grades by quotas but the population was smaller than it.
     */
    record Threshold(double score, Double reached, Double missed, Integer quotaMinimum) implements GradingReason {

        @Override
        public Kind kind() {
            return Kind.THRESHOLD;
        }
    }

    /**
     * The score ranked {@code rank} of {@code population} (1 is the best, equal scores share the best rank of their
     * group), inside the graded tier's quota: from the best {@code fromPercent} to {@code toPercent} of the
     * population. {@code rank} is {@code null} for results stored before ranks were kept; {@code floor} is the
     * lowest score the tier took, {@code null} for the last tier.
     */
    record Quota(double score, Long rank, long population, double fromPercent, double toPercent, Double floor)
            implements GradingReason {

        @Override
        public Kind kind() {
            return Kind.QUOTA;
        }
    }

    /** The rule at {@code index} of the model's rules held first; {@code label} is the model's name for it. */
    record Rule(int index, Label label) implements GradingReason {

        @Override
        public Kind kind() {
            return Kind.RULE;
        }
    }

    /** No rule held, so the rules' {@code otherwise} tier. */
    record Otherwise() implements GradingReason {

        @Override
        public Kind kind() {
            return Kind.OTHERWISE;
        }
    }

    /**
     * How the model graded one customer.
     *
     * @param population the number of customers graded together (quotas need enough of them)
     * @param score      the customer's score, {@code NaN} under rules
     * @param graded     the graded tier's index, best first
     * @param rank       the score's rank, 1 for the best; 0 when it was not kept
     * @param rule       under rules the index of the rule that held, -1 for none
     * @param floors     the lowest score each tier took ({@link TierPolicy#floors}), {@code NaN} for none
     */
    static GradingReason of(ScoringModel model, int population, double score, int graded, long rank, int rule,
            double[] floors) {
        TierPolicy policy = model.tierPolicy();
        if (model.ruleBased()) {
            return rule < 0 ? new Otherwise() : new Rule(rule, model.rules().rules().get(rule).label());
        }
        int last = policy.tiers().size() - 1;
        if (policy.byQuotas(population)) {
            double from = 0;
            for (int t = 0; t < graded; t++) {
                from += policy.tiers().get(t).quotaPercent();
            }
            return new Quota(score, rank > 0 ? rank : null, population, from,
                    from + policy.tiers().get(graded).quotaPercent(), Double.isNaN(floors[graded]) ? null : floors[graded]);
        }
        return new Threshold(score, graded == last ? null : policy.tiers().get(graded).minimumScore(),
                graded == 0 ? null : policy.tiers().get(graded - 1).minimumScore(),
                policy.grading() == TierPolicy.Grading.QUOTAS ? policy.minimumPopulationForQuotas() : null);
    }
}
