package com.tierdesk.customer;

import java.util.Map;

/**
 * An account manager's customers in figures: how many, how many in each current tier (by tier code; customers without
 * a tier yet are {@code untiered}) and how many are at risk of churning ({@link CustomerSearch#CHURN_RISK_DAYS}).
 */
public record Portfolio(String owner, long customers, Map<String, Long> byTier, long untiered, long churnRisk) {

    public Portfolio {
        byTier = Map.copyOf(byTier);
    }
}
