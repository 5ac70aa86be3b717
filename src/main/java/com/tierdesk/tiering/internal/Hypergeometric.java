package com.tierdesk.tiering.internal;

/** Gauss's hypergeometric function ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1. */
final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;
    private static final double PRECISION = 1e-15;

    private Hypergeometric() {
    }

    static double f21(double a, double b, double c, double z) {
        if (z < 0 || z >= 1) {
            throw new IllegalArgumentException("the series converges only for 0 <= z < 1, not " + z);
        }
        double term = 1;
        double sum = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= PRECISION * Math.abs(sum)) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(%s, %s; %s; %s) did not converge".formatted(a, b, c, z));
    }
}
