package com.tierdesk.tiering.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A run's results in columns, ready to be stored: one entry per customer of the population, of which the
 * {@code assessed} indices are written. Tiers are indices into {@code tierCodes}; -1 is "none". {@code ranks} are
 * the scores' ranks under quotas, {@code null} otherwise.
 */
record RunResults(long runId, List<String> tierCodes, long[] customerIds, double[] scores, int[] graded, int[] tiers,
        byte[] reasons, int[] gradingRules, boolean[] pending, int[] previousTiers, boolean[] previousPending,
        long[] daysWithoutPaidOrder, int[] ranks, double[][] rawValues, double[][] indicatorScores, int[] assessed,
        Moves moves) {

    RunResults(long runId, List<String> tierCodes, long[] customerIds, double[] scores, int[] graded, int[] tiers,
            byte[] reasons, int[] gradingRules, boolean[] pending, int[] previousTiers, boolean[] previousPending,
            long[] daysWithoutPaidOrder, int[] ranks, double[][] rawValues, double[][] indicatorScores, int[] assessed) {
        this(runId, tierCodes, customerIds, scores, graded, tiers, reasons, gradingRules, pending, previousTiers,
                previousPending, daysWithoutPaidOrder, ranks, rawValues, indicatorScores, assessed,
                Moves.none(customerIds.length));
    }

    RunResults withMoves(Moves moved) {
        return new RunResults(runId, tierCodes, customerIds, scores, graded, tiers, reasons, gradingRules, pending,
                previousTiers, previousPending, daysWithoutPaidOrder, ranks, rawValues, indicatorScores, assessed, moved);
    }

    /**
     * Each customer's previous published result and, for a customer whose tier moves, why.
     *
     * @param previousScores the score of the published tier ({@code NaN}: none, or a rule-based model)
     * @param previousRuns   the run that gave the published tier (-1: none)
     * @param causes         0, or 1 + the {@link com.tierdesk.tiering.MoveCause} ordinal for a customer whose tier moves
     * @param ownChanges     up to {@link #NAMED} columns: the indices of the run's metrics whose own raw values
     *                       changed the score most since the previous result, the largest effect first (-1: none)
     */
    record Moves(double[] previousScores, long[] previousRuns, byte[] causes, byte[][] ownChanges) {

        static final int NAMED = 3;

        static Moves none(int size) {
            double[] scores = new double[size];
            Arrays.fill(scores, Double.NaN);
            long[] runs = new long[size];
            Arrays.fill(runs, -1);
            byte[][] changes = new byte[NAMED][size];
            for (byte[] column : changes) {
                Arrays.fill(column, (byte) -1);
            }
            return new Moves(scores, runs, new byte[size], changes);
        }
    }
}
