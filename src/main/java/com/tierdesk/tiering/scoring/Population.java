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
