package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerRef;
import com.tierdesk.tiering.scoring.TierDecision;

/**
 * One customer's line in a run: score, tier, how it compares with the published tier and score, and why; for a
 * customer whose tier moves, what moved it ({@code null}: not moved, or not told, as in runs stored before causes).
 */
public record AssessmentResult(RunId run, CustomerRef customer, Double score, String gradedTier, String tier,
        TierDecision.Reason reason, String previousTier, Change change, Double previousScore, MoveCause cause) {

    /** How the run's tier compares with the last published one. */
    public enum Change { UPGRADE, DOWNGRADE, NEW, UNCHANGED }

    /** The score's change against the published one, in points; {@code null} without both. */
    public Double scoreChange() {
        return score == null || previousScore == null ? null : score - previousScore;
    }
}
