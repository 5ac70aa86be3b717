package com.tierdesk.tiering.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tierdesk.tiering.scoring.TierDecision.Reason;

/**
 * Why a customer has their tier after the grading, with the figures of the rule that decided (a {@link TierDecision}
 * keeps only its kind): the grading alone, the hysteresis holding a drop, a downgrade, or the churn rule.
 */
public sealed interface DecisionReason {

    @JsonProperty("kind")
    Reason kind();

    /** The grading gave the tier, with no previous tier above it. */
    record Graded() implements DecisionReason {

        @Override
        public Reason kind() {
            return Reason.GRADED;
        }
    }

    /**
     * The grading gave a lower tier, but this is the first run below the previous one and the score is within
     * {@code margin} points of the previous tier's {@code floor}; both are {@code null} when there is no floor to
     * measure against (rules, or a tier nobody reached), and then only a second run in a row moves the customer.
     */
    record Held(Double score, Double floor, double margin) implements DecisionReason {

        @Override
        public Reason kind() {
            return Reason.HELD;
        }
    }

    /** The score is more than {@code margin} points below the previous tier's {@code floor}. */
    record DowngradedBeyondMargin(double score, double floor, double margin) implements DecisionReason {

        @Override
        public Reason kind() {
            return Reason.DOWNGRADED_BEYOND_MARGIN;
        }
    }

    /** The grading gave a lower tier in a second run in a row. */
    record DowngradedTwice(Double score, Double floor) implements DecisionReason {

        @Override
        public Reason kind() {
            return Reason.DOWNGRADED_TWICE;
        }
    }

    /**
     * No paid order for {@code daysWithoutPaidOrder} days (since registration for a customer who never paid),
     * beyond the model's {@code churnDays}; the days are {@code null} for results stored before they were kept.
     */
    record Churn(Long daysWithoutPaidOrder, int churnDays) implements DecisionReason {

        @Override
        public Reason kind() {
            return Reason.CHURN;
        }
    }

    /**
     * The figures of a decision of the given kind.
     *
     * @param score                the customer's score, {@code NaN} under rules
     * @param previousFloor        the lowest score of the previous tier in the grading, {@code NaN} for none
     * @param daysWithoutPaidOrder as {@link TierDecision#decide} took them; negative when they were not kept
     */
    static DecisionReason of(Reason kind, TierPolicy policy, double score, double previousFloor, long daysWithoutPaidOrder) {
        Double knownScore = Double.isNaN(score) ? null : score;
        Double floor = Double.isNaN(previousFloor) ? null : previousFloor;
        return switch (kind) {
            case GRADED -> new Graded();
            case HELD -> new Held(floor == null ? null : knownScore, knownScore == null ? null : floor,
                    policy.downgradeMargin());
            case DOWNGRADED_BEYOND_MARGIN -> new DowngradedBeyondMargin(score, previousFloor, policy.downgradeMargin());
            case DOWNGRADED_TWICE -> new DowngradedTwice(knownScore, floor);
            case CHURN -> new Churn(daysWithoutPaidOrder < 0 ? null : daysWithoutPaidOrder, policy.churnDays());
        };
    }
}
