package com.tierdesk.tiering.internal;

import java.time.Instant;
import java.util.Arrays;

/**
 * The purchase-probability metrics of a population: BG/NBD fitted by maximum likelihood to a sample of the
 * customers who bought (the same customers whatever order they come in, so a run is repeatable), then each
 * customer's probability of being alive and purchases expected in the next year. Time is in weeks.
 */
public final class PurchaseProbability {

    /** Customers the model is fitted to, about: more data barely moves the estimates, and fitting costs per customer. */
    static final int SAMPLE = 4_000;
    static final int MINIMUM_BUYERS = 20;
    static final double WEEKS_AHEAD = 52;
    private static final double WEEK_MILLIS = 7 * 86_400_000.0;

    private final BgNbd model;
    private final int sample;
    private final double logLikelihood;

    private PurchaseProbability(BgNbd model, int sample, double logLikelihood) {
        this.model = model;
        this.sample = sample;
        this.logLikelihood = logLikelihood;
    }

    /** A customer's repeat buying from the first and last payment and the number of paid orders, up to {@code cut}. */
    static RepeatBuying repeatBuying(Instant firstPaid, Instant lastPaid, int paidOrders, Instant cut) {
        double recency = (lastPaid.toEpochMilli() - firstPaid.toEpochMilli()) / WEEK_MILLIS;
        double age = (cut.toEpochMilli() - firstPaid.toEpochMilli()) / WEEK_MILLIS;
        int frequency = Math.max(0, paidOrders - 1);
        return new RepeatBuying(frequency, frequency == 0 ? 0 : recency, Math.max(age, recency));
    }

    /**
     * Fits the model to the buyers among the customers (index i bought when {@code buying[i]} is not null).
     *
     * @return the fitted model, or {@code null} when too few customers bought or the fit fails
     */
    static PurchaseProbability fit(long[] customerIds, RepeatBuying[] buying, int size) {
        int buyers = 0;
        for (int i = 0; i < size; i++) {
            if (buying[i] != null) {
                buyers++;
            }
        }
        if (buyers < MINIMUM_BUYERS) {
            return null;
        }
        // the buyers whose hashed id falls below a threshold: about SAMPLE of them, whatever order they come in
        double share = Math.min(1.0, SAMPLE / (double) buyers);
        long threshold = share >= 1 ? Long.MAX_VALUE : Long.MIN_VALUE + (long) (share * 0x1p64);
        long[][] chosen = new long[buyers][];
        int c = 0;
        for (int i = 0; i < size; i++) {
            if (buying[i] != null && mix(customerIds[i]) <= threshold) {
                chosen[c++] = new long[] {customerIds[i], i};
            }
        }
        Arrays.sort(chosen, 0, c, (x, y) -> Long.compare(x[0], y[0]));
        var customers = new java.util.ArrayList<RepeatBuying>(c);
        for (int k = 0; k < c; k++) {
            customers.add(buying[(int) chosen[k][1]]);
        }
        try {
            BgNbd fitted = BgNbd.fit(customers);
            return new PurchaseProbability(fitted, c, fitted.logLikelihood(customers));
        } catch (RuntimeException fitFailed) {
            return null;
        }
    }

    public double probabilityAlive(RepeatBuying customer) {
        return model.probabilityAlive(customer);
    }

    public double expectedPurchases(RepeatBuying customer) {
        return model.expectedPurchases(customer, WEEKS_AHEAD);
    }

    BgNbd model() {
        return model;
    }

    int sample() {
        return sample;
    }

    double logLikelihood() {
        return logLikelihood;
    }

    /** A well-spread hash of the id (SplitMix64's finaliser), so the sample is spread over the whole population. */
    private static long mix(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
