package com.tierdesk.tiering.internal;

import java.util.List;

/**
 * A run's results in columns, ready to be stored: one entry per customer of the population, of which the
 * {@code assessed} indices are written. Tiers are indices into {@code tierCodes}; -1 is "none". {@code ranks} are
 * the scores' ranks under quotas, {@code null} otherwise.
 */
record RunResults(long runId, List<String> tierCodes, long[] customerIds, double[] scores, int[] graded, int[] tiers,
        byte[] reasons, int[] gradingRules, boolean[] pending, int[] previousTiers, boolean[] previousPending,
        long[] daysWithoutPaidOrder, int[] ranks, double[][] rawValues, double[][] indicatorScores, int[] assessed) {
}
