package com.tierdesk.tiering.scoring;

import java.util.Locale;

/**
 * The tier a customer gets in a run and the rule that decided it. {@code downgradePending} records
 * that the score fell below the current tier but hysteresis held the customer there: a second
 * run in a row below it moves the customer down.
 */
public record TierDecision(int tier, String rule, boolean downgradePending) {

    /**
     * @param graded               the tier the score reaches ({@link TierPolicy#grade})
     * @param previousTier         the tier of the last published run, or {@code null} for a new customer
     * @param downgradePending     whether the last published run already held this customer by hysteresis
     * @param daysWithoutPaidOrder days since the last paid order (or since registration when there is none)
     */
    public static TierDecision decide(TierPolicy policy, int graded, double score, Integer previousTier,
            boolean downgradePending, long daysWithoutPaidOrder) {
        String gradedCode = policy.tiers().get(graded).code();
        int lastTier = policy.tiers().size() - 1;
        if (daysWithoutPaidOrder > policy.churnDays()) {
            return new TierDecision(lastTier, "no paid order for %d days (more than %d) → %s"
                    .formatted(daysWithoutPaidOrder, policy.churnDays(), policy.tiers().get(lastTier).code()), false);
        }
        String reached = policy.grading() == TierPolicy.Grading.QUOTAS
                ? "score %s ranks in the %s quota".formatted(format(score), gradedCode)
                : "score %s reaches %s".formatted(format(score), gradedCode);
        if (previousTier == null || graded <= previousTier) {
            return new TierDecision(graded, reached, false);
        }
        TierPolicy.TierRule current = policy.tiers().get(previousTier);
        if (policy.grading() == TierPolicy.Grading.THRESHOLDS
                && score < current.minimumScore() - policy.downgradeMargin()) {
            return new TierDecision(graded, "%s; below the %s threshold %s by more than %s points"
                    .formatted(reached, current.code(), format(current.minimumScore()), format(policy.downgradeMargin())), false);
        }
        if (downgradePending) {
            return new TierDecision(graded, "%s; below %s in two consecutive runs".formatted(reached, current.code()), false);
        }
        return new TierDecision(previousTier, "%s, but stays %s: first run below it, within the hysteresis"
                .formatted(reached, current.code()), true);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
    }
}
