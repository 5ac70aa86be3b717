package com.tierdesk.tiering.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A chunk of a run's results as stored: consecutive customers (ascending ids) with their columns. Tiers are
 * indices into the run's tier ladder, -1 for none; flags hold the downgrade-pending bits of the decision (1) and
 * of the state it was decided against (2). Since format 2 a chunk keeps the figures of the decisions' reasons:
 * the days without a paid order the churn rule counted, and under quotas each score's rank; chunks of format 1
 * read them as unknown (-1 days, rank 0). Since format 3 it keeps each customer's previous published score and the run
 * that gave it, and for a customer whose tier moves the cause and the indicators whose own figures changed most
 * ({@link RunResults.Moves}); older chunks read them as none.
 */
record ResultChunk(long[] customerIds, double[] scores, byte[] graded, byte[] tiers, byte[] previousTiers, byte[] reasons,
        short[] gradingRules, byte[] flags, int[] daysWithoutPaidOrder, int[] ranks, double[][] rawValues,
        double[][] indicatorScores, RunResults.Moves moves) {

    private static final int FORMAT = 3;
    private static final int WITHOUT_MOVES = 2;
    private static final int WITHOUT_REASON_FIGURES = 1;
    static final byte PENDING = 1;
    static final byte PREVIOUSLY_PENDING = 2;

    int size() {
        return customerIds.length;
    }

    boolean pending(int i) {
        return (flags[i] & PENDING) != 0;
    }

    boolean previouslyPending(int i) {
        return (flags[i] & PREVIOUSLY_PENDING) != 0;
    }

    /** The position of the customer in the chunk, or -1. */
    int indexOf(long customerId) {
        int at = Arrays.binarySearch(customerIds, customerId);
        return at < 0 ? -1 : at;
    }

    double[] rawValuesOf(int i) {
        return column(rawValues, i);
    }

    double[] indicatorScoresOf(int i) {
        return column(indicatorScores, i);
    }

    private static double[] column(double[][] columns, int i) {
        double[] values = new double[columns.length];
        for (int k = 0; k < columns.length; k++) {
            values[k] = columns[k][i];
        }
        return values;
    }

    /** The run's results of the assessed customers from position {@code from} to {@code to}, as a chunk's bytes. */
    static byte[] encode(RunResults results, int[] ordered, int from, int to) {
        ByteBuffer bytes = encode(results, ordered, from, to, null);
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    /**
     * As {@link #encode(RunResults, int[], int, int)}, into {@code reuse} when it is large enough (the chunk's bytes
     * from 0 to the returned buffer's position), so that writing a run's chunks allocates one buffer, not one each.
     */
    static ByteBuffer encode(RunResults results, int[] ordered, int from, int to, ByteBuffer reuse) {
        int n = to - from;
        int metrics = results.rawValues().length;
        int ranked = results.indicatorScores().length;
        int size = 16 + n * (8 + 8 + 4 + 2 + 1 + 4 + 4 + 8 * (metrics + ranked) + 8 + 8 + 1 + RunResults.Moves.NAMED);
        ByteBuffer bytes = reuse != null && reuse.capacity() >= size ? reuse.clear() : ByteBuffer.allocate(size);
        bytes.putInt(FORMAT).putInt(n).putInt(metrics).putInt(ranked);
        for (int p = from; p < to; p++) {
            bytes.putLong(results.customerIds()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.putDouble(results.scores()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.put((byte) results.graded()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.put((byte) results.tiers()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.put((byte) results.previousTiers()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.put(results.reasons()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.putShort((short) results.gradingRules()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            int i = ordered[p];
            bytes.put((byte) ((results.pending()[i] ? PENDING : 0) | (results.previousPending()[i] ? PREVIOUSLY_PENDING : 0)));
        }
        for (int p = from; p < to; p++) {
            bytes.putInt((int) Math.min(Integer.MAX_VALUE, results.daysWithoutPaidOrder()[ordered[p]]));
        }
        for (int p = from; p < to; p++) {
            bytes.putInt(results.ranks() == null ? 0 : results.ranks()[ordered[p]]);
        }
        for (double[] column : results.rawValues()) {
            for (int p = from; p < to; p++) {
                bytes.putDouble(column[ordered[p]]);
            }
        }
        for (double[] column : results.indicatorScores()) {
            for (int p = from; p < to; p++) {
                bytes.putDouble(column[ordered[p]]);
            }
        }
        RunResults.Moves moves = results.moves();
        for (int p = from; p < to; p++) {
            bytes.putDouble(moves.previousScores()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.putLong(moves.previousRuns()[ordered[p]]);
        }
        for (int p = from; p < to; p++) {
            bytes.put(moves.causes()[ordered[p]]);
        }
        for (byte[] column : moves.ownChanges()) {
            for (int p = from; p < to; p++) {
                bytes.put(column[ordered[p]]);
            }
        }
        return bytes;
    }

    /** The customers of a chunk with their raw values (one column per metric of the run), as moves compare them. */
    record Figures(long[] customerIds, double[][] rawValues) {

        int size() {
            return customerIds.length;
        }
    }

    /** Where a chunk of this format and of {@code customers} customers keeps its raw values (after the columns before). */
    private static int rawValuesAt(int format, int customers) {
        int perCustomer = format == WITHOUT_REASON_FIGURES ? 8 + 8 + 4 + 2 + 1 : 8 + 8 + 4 + 2 + 1 + 4 + 4;
        return 16 + customers * perCustomer;
    }

    /** The ids and raw values of a chunk, decoding nothing else. */
    static Figures decodeFigures(byte[] data) {
        ByteBuffer bytes = ByteBuffer.wrap(data);
        int format = bytes.getInt();
        int n = bytes.getInt();
        int metrics = bytes.getInt();
        bytes.getInt();
        long[] ids = new long[n];
        bytes.asLongBuffer().get(ids);
        bytes.position(rawValuesAt(format, n));
        return new Figures(ids, doubles(bytes, metrics, n));
    }

    static ResultChunk decode(byte[] data) {
        ByteBuffer bytes = ByteBuffer.wrap(data);
        int format = bytes.getInt();
        if (format != FORMAT && format != WITHOUT_MOVES && format != WITHOUT_REASON_FIGURES) {
            throw new IllegalStateException("unknown result chunk format " + format);
        }
        int n = bytes.getInt();
        int metrics = bytes.getInt();
        int ranked = bytes.getInt();
        long[] ids = new long[n];
        bytes.asLongBuffer().get(ids);
        bytes.position(bytes.position() + 8 * n);
        double[] scores = new double[n];
        bytes.asDoubleBuffer().get(scores);
        bytes.position(bytes.position() + 8 * n);
        byte[] graded = bytes(bytes, n);
        byte[] tiers = bytes(bytes, n);
        byte[] previous = bytes(bytes, n);
        byte[] reasons = bytes(bytes, n);
        short[] rules = new short[n];
        bytes.asShortBuffer().get(rules);
        bytes.position(bytes.position() + 2 * n);
        byte[] flags = bytes(bytes, n);
        int[] days = new int[n];
        int[] ranks = new int[n];
        if (format == WITHOUT_REASON_FIGURES) {
            Arrays.fill(days, -1);
        } else {
            days = ints(bytes, n);
            ranks = ints(bytes, n);
        }
        double[][] raw = doubles(bytes, metrics, n);
        double[][] percentileScores = doubles(bytes, ranked, n);
        RunResults.Moves moves = RunResults.Moves.none(n);
        if (format == FORMAT) {
            bytes.asDoubleBuffer().get(moves.previousScores());
            bytes.position(bytes.position() + 8 * n);
            bytes.asLongBuffer().get(moves.previousRuns());
            bytes.position(bytes.position() + 8 * n);
            bytes.get(moves.causes());
            for (byte[] column : moves.ownChanges()) {
                bytes.get(column);
            }
        }
        return new ResultChunk(ids, scores, graded, tiers, previous, reasons, rules, flags, days, ranks, raw,
                percentileScores, moves);
    }

    private static int[] ints(ByteBuffer bytes, int n) {
        int[] values = new int[n];
        bytes.asIntBuffer().get(values);
        bytes.position(bytes.position() + 4 * n);
        return values;
    }

    private static byte[] bytes(ByteBuffer bytes, int n) {
        byte[] values = new byte[n];
        bytes.get(values);
        return values;
    }

    private static double[][] doubles(ByteBuffer bytes, int columns, int n) {
        double[][] values = new double[columns][n];
        for (int k = 0; k < columns; k++) {
            bytes.asDoubleBuffer().get(values[k]);
            bytes.position(bytes.position() + 8 * n);
        }
        return values;
    }
}
