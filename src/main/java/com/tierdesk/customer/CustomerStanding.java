package com.tierdesk.customer;

import java.time.Instant;

/**
 * Where a customer stands, as the customer module knows it: the current tier's code (the latest entry of their tier
 * timeline, {@code null} before any), the last paid order ({@code null} for none) and whether they are at risk of
 * churning ({@link CustomerSearch#CHURN_RISK_DAYS}).
 */
public record CustomerStanding(String tier, Instant lastPaidAt, boolean churnRisk) {

    static final CustomerStanding UNKNOWN = new CustomerStanding(null, null, false);
}
