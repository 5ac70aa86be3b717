package com.tierdesk.tiering.scoring;

import java.util.Arrays;

/**
 * One metric's values over the whole population, for percentile ranks; missing values ({@code NaN}) are left
 * out. Kept as the distinct values with how many lie below each and how many share it, so that a rank is one
 * binary search, over few values for counts and rates.
 */
public final class Population {

    private final int size;
    private final double[] distinct;
    private final int[] below;
    private final int[] equal;

    private Population(double[] sorted) {
        this.size = sorted.length;
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                count++;
            }
        }
        distinct = new double[count];
        below = new int[count];
        equal = new int[count];
        int d = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                d++;
                distinct[d] = sorted[i];
                below[d] = i;
            }
            equal[d]++;
        }
    }

    /** A population kept as its distinct values (ascending) and how many customers have each, as {@link #distinct()} gives. */
    public static Population ofDistinct(double[] distinct, int[] counts) {
        if (distinct.length != counts.length) {
            throw new IllegalArgumentException("a count for every distinct value");
        }
        int size = 0;
        for (int count : counts) {
            size += count;
        }
        double[] sorted = new double[size];
        for (int d = 0, i = 0; d < distinct.length; d++) {
            if (d > 0 && !(distinct[d] > distinct[d - 1])) {
                throw new IllegalArgumentException("distinct values must ascend");
            }
            Arrays.fill(sorted, i, i + counts[d], distinct[d]);
            i += counts[d];
        }
        return new Population(sorted);
    }

    public static Population of(double... values) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
        Arrays.sort(sorted);
        return new Population(sorted);
    }

    /** A population and each value's {@link #percentileRank} in it ({@code NaN} for a missing value). */
    public record Ranked(Population population, double[] percentileRanks) {
    }

    /**
     * The population of the values and every value's percentile rank, from one sort that keeps where each value came
     * from: the same ranks as {@link #percentileRank} gives value by value, without a search per value.
     */
    public static Ranked ranked(double[] values) {
        int n = 0;
        for (double value : values) {
            n += Double.isNaN(value) ? 0 : 1;
        }
        long[] keys = new long[n];
        int[] positions = new int[n];
        for (int i = 0, j = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                keys[j] = sortable(values[i]);
                positions[j++] = i;
            }
        }
        radixSort(keys, positions);
        double[] sorted = new double[n];
        for (int j = 0; j < n; j++) {
            sorted[j] = values[positions[j]];
        }
        Population population = new Population(sorted);
        double[] ranks = new double[values.length];
        Arrays.fill(ranks, Double.NaN);
        for (int start = 0, end; start < n; start = end) {
            end = start + 1;
            while (end < n && sorted[end] == sorted[start]) {
                end++;
            }
            double rank = 100.0 * (start + (end - start) / 2.0) / n;
            long kept = Double.doubleToRawLongBits(sorted[start]);
            for (int j = start; j < end; j++) {
                // 0.0 grouped under a kept -0.0 is not found by the search: ranked as the search ranks it
                ranks[positions[j]] = Double.doubleToRawLongBits(sorted[j]) == kept ? rank : population.percentileRank(sorted[j]);
            }
        }
        return new Ranked(population, ranks);
    }

    /** The double's bits in an order that, compared unsigned, is {@link Double#compare}'s. */
    private static long sortable(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits >= 0 ? bits ^ Long.MIN_VALUE : ~bits;
    }

    /** Least significant digit first, 16 bits at a time, carrying the positions along; a digit all keys share is skipped. */
    private static void radixSort(long[] sortedKeys, int[] sortedPositions) {
        long[] keys = sortedKeys;
        int[] positions = sortedPositions;
        int n = keys.length;
        long[] keysTo = new long[n];
        int[] positionsTo = new int[n];
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (long key : keys) {
                counts[(int) (key >>> shift) & 0xFFFF]++;
            }
            if (n == 0 || counts[(int) (keys[0] >>> shift) & 0xFFFF] == n) {
                continue;
            }
            for (int digit = 0, sum = 0; digit < counts.length; digit++) {
                int count = counts[digit];
                counts[digit] = sum;
                sum += count;
            }
            for (int j = 0; j < n; j++) {
                int at = counts[(int) (keys[j] >>> shift) & 0xFFFF]++;
                keysTo[at] = keys[j];
                positionsTo[at] = positions[j];
            }
            long[] swapKeys = keys;
            keys = keysTo;
            keysTo = swapKeys;
            int[] swapPositions = positions;
            positions = positionsTo;
            positionsTo = swapPositions;
        }
        if (keys != sortedKeys) {
            System.arraycopy(keys, 0, sortedKeys, 0, n);
            System.arraycopy(positions, 0, sortedPositions, 0, n);
        }
    }

    public int size() {
        return size;
    }

    /** The distinct values, ascending. */
    public double[] distinct() {
        return distinct.clone();
    }

    /** How many customers have each distinct value. */
    public int[] counts() {
        return equal.clone();
    }

    /** 100 × (values below + half the values equal) / population size; 50 for a population of one, 0 for none. */
    public double percentileRank(double value) {
        if (size == 0) {
            return 0;
        }
        int at = Arrays.binarySearch(distinct, value);
        if (at >= 0) {
            return 100.0 * (below[at] + equal[at] / 2.0) / size;
        }
        int insertion = -at - 1;
        int lower = insertion == distinct.length ? size : below[insertion];
        return 100.0 * lower / size;
    }
}
