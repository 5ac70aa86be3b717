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
 * @param previous  the published result the run compares with; {@code null} for a customer without a published tier
 */
public record TierExplanation(RunId run, Label modelName, int modelVersion, LocalDate asOf, CustomerRef customer,
        Double score, String gradedTier, String tier, TierDecision.Reason reason, String previousTier,
        boolean previousPending, boolean downgradePending, GradingReason grading, DecisionReason decision,
        Map<String, Double> metrics, Scorecard scorecard, List<BandLevel> bands, double downgradeMargin,
        int churnDays, List<String> tiers, Previous previous) {

    /** The customer's level in a band ({@code null} for a missing value). */
    public record BandLevel(Label band, Label level) {
    }

    /**
     * The published result beside this run's, and what moved the customer.
     *
     * @param run                 the run that gave the published tier ({@code null}: not kept)
     * @param score               the published score ({@code null}: none, or a rule-based model)
     * @param contributions       each indicator of this run's model: its points then and now (empty when the previous
     *                            result is not kept, or under rules)
     * @param cause               why the tier moved; {@code null} when it did not, or could not be told
     * @param ownChanges          the figures that changed the customer's points most (under {@code OWN_FIGURES})
     * @param addedCustomers      customers without a published tier in this run's population (under {@code POPULATION})
     * @param changedCustomers    customers whose figures changed since their published result
     */
    public record Previous(RunId run, Double score, List<ContributionChange> contributions, MoveCause cause,
            List<FigureChange> ownChanges, long addedCustomers, long changedCustomers) {
    }

    /** An indicator's points in the published result ({@code null}: the indicator was not in that model) and now. */
    public record ContributionChange(Label dimension, String metric, Double previous, double now) {

        /** New − previous, in points; the whole contribution when the indicator is new. */
        public double change() {
            return now - (previous == null ? 0 : previous);
        }
    }

    /** A metric's raw value in the published result and now ({@code null}: none). */
    public record FigureChange(String metric, Double previous, Double now) {
    }
}
