package com.tierdesk.tiering.scoring;

/**
 * One measured quality of a customer inside a dimension: which metric, how its raw value becomes a
 * 0-100 score, whether more is better, and its weight (percent) inside the dimension.
 */
public record Indicator(String metric, Normalisation normalisation, Direction direction, double weight) {

    public enum Direction {
        /** More is better (spend, repurchase rate). */
        HIGHER_IS_BETTER,
        /** Less is better (complaint rate): the normalised score is inverted. */
        LOWER_IS_BETTER
    }

    /** The indicator's 0-100 score for a raw value, its direction applied; a missing value scores 0. */
    public double score(double raw, Population population) {
        if (Double.isNaN(raw)) {
            return 0;
        }
        return directed(normalisation.score(raw, population));
    }

    /** A normalised score with the indicator's direction applied. */
    double directed(double score) {
        return direction == Direction.LOWER_IS_BETTER ? 100 - score : score;
    }
}
