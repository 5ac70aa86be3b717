package com.tierdesk.tiering.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A run's results in columns, ready to be stored: one entry per customer of the population, of which the
 * {@code assessed} indices are written. Tiers are indices into {@code tierCodes}; -1 is "none".
 */
record RunResults(long runId, List<String> tierCodes, long[] customerIds, double[] scores, int[] graded, int[] tiers,
        byte[] reasons, int[] gradingRules, boolean[] pending, int[] previousTiers, boolean[] previousPending,
        double[][] rawValues, double[][] indicatorScores, int[] assessed) {

    /** The values of one customer as a column stores them: big-endian doubles, one per column. */
    static byte[] pack(double[][] columns, int customer) {
        ByteBuffer bytes = ByteBuffer.allocate(columns.length * Double.BYTES);
        for (double[] column : columns) {
            bytes.putDouble(column[customer]);
        }
        return bytes.array();
    }

    static double[] unpack(byte[] packed) {
        ByteBuffer bytes = ByteBuffer.wrap(packed);
        double[] values = new double[packed.length / Double.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = bytes.getDouble();
        }
        return values;
    }

    String tierCode(int index) {
        return index < 0 ? null : tierCodes.get(index);
    }
}
