package com.tierdesk.tiering.scoring;

import java.util.Arrays;

/** One metric's values over the whole population, sorted, for percentile ranks; missing values ({@code NaN}) are left out. */
public final class Population {

    private final double[] sorted;

    private Population(double[] sorted) {
        this.sorted = sorted;
    }

    public static Population of(double... values) {
        double[] sorted = Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
        Arrays.sort(sorted);
        return new Population(sorted);
    }

    public int size() {
        return sorted.length;
    }

    /** 100 × (values below + half the values equal) / population size; 50 for a population of one, 0 for none. */
    public double percentileRank(double value) {
        if (sorted.length == 0) {
            return 0;
        }
        int below = lowerBound(value);
        int equal = lowerBound(Math.nextUp(value)) - below;
        return 100.0 * (below + equal / 2.0) / sorted.length;
    }

    /** The number of values strictly below {@code value}. */
    private int lowerBound(double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
