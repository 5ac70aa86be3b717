package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerRef;
import com.tierdesk.tiering.scoring.TierDecision;

/** One customer's line in a run: score, tier, how it compares with the published tier, and why. */
public record AssessmentResult(RunId run, CustomerRef customer, Double score, String gradedTier, String tier,
        TierDecision.Reason reason, String previousTier, Change change) {

    /** How the run's tier compares with the last published one. */
    public enum Change { UPGRADE, DOWNGRADE, NEW, UNCHANGED }
}
