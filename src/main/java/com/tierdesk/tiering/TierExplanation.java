package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerRef;
import com.tierdesk.shared.Label;
import com.tierdesk.tiering.scoring.DecisionReason;
import com.tierdesk.tiering.scoring.GradingReason;
import com.tierdesk.tiering.scoring.Scorecard;
import com.tierdesk.tiering.scoring.TierDecision;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Why a customer got a tier in a run, rebuilt from the stored raw values and normalised indicator scores
 * with the run's model version: every indicator's raw value, normalised score, weight and contribution, how the
 * grading gave the graded tier and the rule that decided the tier (hysteresis, churn), each with its figures.
 *
 * @param metrics   every metric the model read, with its raw value ({@code null} when it does not exist)
 * @param scorecard the weighted score's breakdown; {@code null} under a rule-based model
 * @param bands     under a rule-based model, the customer's level in each band (orders per year: few ...)
 * @param grading   how the grading gave {@code gradedTier}: the threshold reached, the quota ranked in, the rule held
 * @param decision  why the customer has {@code tier}: the grading alone, hysteresis, a downgrade or the churn rule
 */
public record TierExplanation(RunId run, Label modelName, int modelVersion, LocalDate asOf, CustomerRef customer,
        Double score, String gradedTier, String tier, TierDecision.Reason reason, String previousTier,
        boolean previousPending, boolean downgradePending, GradingReason grading, DecisionReason decision,
        Map<String, Double> metrics, Scorecard scorecard, List<BandLevel> bands, double downgradeMargin,
        int churnDays, List<String> tiers) {

    /** The customer's level in a band ({@code null} for a missing value). */
    public record BandLevel(Label band, Label level) {
    }
}
