package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerRef;
import com.tierdesk.tiering.scoring.Scorecard;
import com.tierdesk.tiering.scoring.TierDecision;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Why a customer got a tier in a run, rebuilt from the stored raw values and normalised indicator scores
 * with the run's model version: every indicator's raw value, normalised score, weight and contribution, the
 * grading (threshold, quota floor or rule) and the rule that decided the tier (hysteresis, churn).
 *
 * @param metrics      every metric the model read, with its raw value ({@code null} when it does not exist)
 * @param scorecard    the weighted score's breakdown; {@code null} under a rule-based model
 * @param bands        under a rule-based model, the customer's level in each band (orders per year: few ...)
 * @param gradingRule  under a rule-based model, the label of the rule that held ({@code null}: otherwise)
 * @param tierFloor    the lowest score of the graded tier in the run (threshold or quota floor); null for rules
 * @param summary      the decision in one English sentence
 */
public record TierExplanation(RunId run, String modelName, int modelVersion, LocalDate asOf, CustomerRef customer,
        Double score, String gradedTier, String tier, TierDecision.Reason reason, String previousTier,
        boolean previousPending, boolean downgradePending, String grading, Map<String, Double> metrics,
        Scorecard scorecard, Map<String, String> bands, String gradingRule, Double tierFloor, double downgradeMargin,
        int churnDays, List<String> tiers, String summary) {
}
