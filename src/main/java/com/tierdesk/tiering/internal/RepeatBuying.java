package com.tierdesk.tiering.internal;

/**
 * A customer's repeat-buying summary over an observation period, in any time unit (weeks, days):
 * {@code frequency} repeat purchases, the last of them at {@code recency} after the first purchase,
 * observed for {@code age} since the first purchase.
 */
record RepeatBuying(int frequency, double recency, double age) {

    RepeatBuying {
        if (frequency < 0 || recency < 0 || age < recency || (frequency == 0 && recency != 0)) {
            throw new IllegalArgumentException("inconsistent repeat buying: x=%d t_x=%s T=%s"
                    .formatted(frequency, recency, age));
        }
    }
}
