package com.tierdesk.customer;

import java.time.Duration;

/**
 * What bringing the activity snapshot up to date did.
 *
 * @param changedCustomers customers whose orders, interactions or details had changed (or came due), recomputed
 * @param rolledOver       whether a new month started, so every customer's window moved (summed from the monthly
 *                         figures, not the orders)
 * @param rebuilt          whether everything was computed from the orders (the monthly figures were missing, or
 *                         most customers had changed)
 * @param written          snapshot rows written
 * @param took             how long it took
 */
public record ActivityRefresh(long changedCustomers, boolean rolledOver, boolean rebuilt, long written, Duration took) {

    public static ActivityRefresh nothing(Duration took) {
        return new ActivityRefresh(0, false, false, 0, took);
    }
}
