package com.tierdesk.tiering.internal;

import java.util.List;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way": while
 * alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase the customer drops
 * out with probability p ~ Beta(a, b). It gives the purchase-probability indicator of the
 * Potential dimension: the probability that a customer is still alive, and the purchases expected
 * in a coming period.
 */
record BgNbd(double r, double alpha, double a, double b) {

    private static final double TOLERANCE = 1e-10;

    BgNbd {
        if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
            throw new IllegalArgumentException("BG/NBD parameters must be positive: r=%s α=%s a=%s b=%s"
                    .formatted(r, alpha, a, b));
        }
    }

    /** The maximum-likelihood parameters for these customers (searched on the log scale, so they stay positive). */
    static BgNbd fit(List<RepeatBuying> customers) {
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("no customers to fit the BG/NBD model to");
        }
        var optimiser = new NelderMead(logParameters -> -of(logParameters).logLikelihood(customers), TOLERANCE, 5_000);
        return of(optimiser.minimise(new double[] {0, 0, 0, 0}, 0.5));
    }

    private static BgNbd of(double[] logParameters) {
        return new BgNbd(Math.exp(logParameters[0]), Math.exp(logParameters[1]), Math.exp(logParameters[2]),
                Math.exp(logParameters[3]));
    }

    /**
     * The sum over the customers. The Γ terms depend on a customer's purchase count only, so they are computed
     * once per distinct count: a fit evaluates this hundreds of times over thousands of customers.
     */
    double logLikelihood(List<RepeatBuying> customers) {
        int maxFrequency = 0;
        for (RepeatBuying customer : customers) {
            maxFrequency = Math.max(maxFrequency, customer.frequency());
        }
        double[] gammaTerms = new double[maxFrequency + 1];
        java.util.Arrays.fill(gammaTerms, Double.NaN);
        double sum = 0;
        for (RepeatBuying customer : customers) {
            int x = customer.frequency();
            if (Double.isNaN(gammaTerms[x])) {
                gammaTerms[x] = gammaTerms(x);
            }
            sum += logLikelihood(customer, gammaTerms[x]);
        }
        return sum;
    }

    /** ln L(r, α, a, b | x, t_x, T), equation (6) of the paper, computed in logs for large x. */
    double logLikelihood(RepeatBuying customer) {
        return logLikelihood(customer, gammaTerms(customer.frequency()));
    }

    /** ln A₁ + ln A₂ of equation (6), the part that depends on the purchase count alone. */
    private double gammaTerms(int x) {
        return LogGamma.of(r + x) - LogGamma.of(r) + r * Math.log(alpha)
                + LogGamma.of(a + b) + LogGamma.of(b + x) - LogGamma.of(b) - LogGamma.of(a + b + x);
    }

    private double logLikelihood(RepeatBuying customer, double gammaTerms) {
        int x = customer.frequency();
        double lnA3 = -(r + x) * Math.log(alpha + customer.age());
        if (x == 0) {
            return gammaTerms + lnA3;
        }
        double lnA4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + customer.recency());
        double larger = Math.max(lnA3, lnA4);
        return gammaTerms + larger + Math.log(Math.exp(lnA3 - larger) + Math.exp(lnA4 - larger));
    }

    /** P(alive | x, t_x, T), equation (11). */
    double probabilityAlive(RepeatBuying customer) {
        int x = customer.frequency();
        if (x == 0) {
            return 1;
        }
        double odds = a / (b + x - 1) * Math.pow((alpha + customer.age()) / (alpha + customer.recency()), r + x);
        return 1 / (1 + odds);
    }

    /** E[Y(t) | x, t_x, T]: purchases expected in the next {@code period}, equation (10). */
    double expectedPurchases(RepeatBuying customer, double period) {
        int x = customer.frequency();
        double ageAhead = alpha + customer.age();
        double z = period / (ageAhead + period);
        double hypergeometric = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - Math.pow(ageAhead / (ageAhead + period), r + x) * hypergeometric);
        double denominator = x == 0 ? 1
                : 1 + a / (b + x - 1) * Math.pow(ageAhead / (alpha + customer.recency()), r + x);
        return numerator / denominator;
    }
}
