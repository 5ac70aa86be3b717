package com.tierdesk.demo;

import java.time.LocalDate;

/**
 * How much demo data to make.
 *
 * @param ordersPerCustomer the mean number of orders per customer; individual customers vary widely
 * @param asOf              the last day of the generated history, which spans the 24 months before it
 * @param seed              the same seed gives the same data
 */
public record DemoDataSpec(int customers, int ordersPerCustomer, LocalDate asOf, long seed) {

    public DemoDataSpec {
        if (customers < 1 || customers > 100_000_000) {
            throw new IllegalArgumentException("customers must be between 1 and 100,000,000");
        }
        if (ordersPerCustomer < 0 || ordersPerCustomer > 10_000) {
            throw new IllegalArgumentException("orders per customer must be between 0 and 10,000");
        }
    }
}
