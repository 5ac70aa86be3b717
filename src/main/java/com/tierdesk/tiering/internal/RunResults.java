package com.tierdesk.tiering.internal;

import java.util.List;

/**
 * A run's results in columns, ready to be stored: one entry per customer of the population, of which the
 * {@code assessed} indices are written. Tiers are indices into {@code tierCodes}; -1 is "none".
 */
record RunResults(long runId, List<String> tierCodes, long[] customerIds, double[] scores, int[] graded, int[] tiers,
        byte[] reasons, int[] gradingRules, boolean[] pending, int[] previousTiers, boolean[] previousPending,
        double[][] rawValues, double[][] indicatorScores, int[] assessed) {
}
