package com.tierdesk.customer.internal;

import java.util.Arrays;

/**
 * The seconds from placing to paying of a customer's orders, gathered from the comma-separated lists the monthly rows
 * keep, for their median. Reused from one customer to the next.
 */
final class PaySeconds {

    private double[] seconds = new double[16];
    private int count;

    void clear() {
        count = 0;
    }

    /** Adds the values of a comma-separated list; {@code null}, empty or an empty item adds none. */
    void add(String list) {
        if (list == null || list.isEmpty()) {
            return;
        }
        for (int from = 0; from <= list.length(); ) {
            int comma = list.indexOf(',', from);
            int to = comma < 0 ? list.length() : comma;
            if (to > from) {
                if (count == seconds.length) {
                    seconds = Arrays.copyOf(seconds, count * 2);
                }
                seconds[count++] = Double.parseDouble(list.substring(from, to));
            }
            from = to + 1;
        }
    }

    /**
     * The median in minutes, interpolated between the two middle values as SQL's {@code PERCENTILE_CONT(0.5)} does;
     * NaN without values.
     */
    double medianMinutes() {
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(seconds, 0, count);
        double lower = seconds[(count - 1) / 2] / 60;
        if (count % 2 == 1) {
            return lower;
        }
        double upper = seconds[count / 2] / 60;
        return lower + (upper - lower) * 0.5;
    }
}
