package com.tierdesk.tiering.scoring;

/**
 * The tier a customer gets in a run and why. {@code downgradePending} records that the customer fell below
 * the current tier but hysteresis held them there: a second run in a row below it moves them down.
 */
public record TierDecision(int tier, Reason reason, boolean downgradePending) {

    /** Why the customer has the tier; stored with each result (by ordinal, so only ever append). */
    public enum Reason {
        /** The grading (threshold, quota or rule) gave the tier, with no previous tier above it. */
        GRADED,
        /** The grading gave a lower tier, but the drop is within the margin and the first in a row. */
        HELD,
        /** The grading gave a lower tier, more than the margin below the current tier's floor. */
        DOWNGRADED_BEYOND_MARGIN,
        /** The grading gave a lower tier in a second run in a row. */
        DOWNGRADED_TWICE,
        /** No paid order for longer than the churn limit: the last tier, whatever the grading. */
        CHURN
    }

    /**
     * @param graded               the tier the grading gives ({@link TierPolicy#grade}, or a rule)
     * @param score                the customer's score ({@code NaN} for a rule-based model)
     * @param currentFloor         the lowest score of the current tier in this grading; {@code NaN} when
     *                             hysteresis can only wait for a second run (rules, an empty tier)
     * @param previousTier         the tier of the last published run, or {@code null} for a new customer
     * @param downgradePending     whether the last published run already held this customer by hysteresis
     * @param daysWithoutPaidOrder days since the last paid order (or since registration when there is none)
     */
    public static TierDecision decide(TierPolicy policy, int graded, double score, double currentFloor,
            Integer previousTier, boolean downgradePending, long daysWithoutPaidOrder) {
        if (daysWithoutPaidOrder >= policy.churnDays()) {
            return new TierDecision(policy.tiers().size() - 1, Reason.CHURN, false);
        }
        if (previousTier == null || graded <= previousTier) {
            return new TierDecision(graded, Reason.GRADED, false);
        }
        if (!Double.isNaN(currentFloor) && !Double.isNaN(score) && score < currentFloor - policy.downgradeMargin()) {
            return new TierDecision(graded, Reason.DOWNGRADED_BEYOND_MARGIN, false);
        }
        if (downgradePending) {
            return new TierDecision(graded, Reason.DOWNGRADED_TWICE, false);
        }
        return new TierDecision(previousTier, Reason.HELD, true);
    }
}
