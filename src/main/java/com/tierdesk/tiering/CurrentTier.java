package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import java.time.Instant;

/**
 * A customer's tier now: the effective tier (an active override's, else the assessed one), since when, and
 * the assessed tier with the run and score behind it ({@code null} while only an override has graded them).
 */
public record CurrentTier(CustomerId customerId, String tier, Instant since, String assessedTier, RunId assessedBy,
        Double score, boolean downgradePending, Long overrideId) {

    public boolean overridden() {
        return overrideId != null;
    }
}
