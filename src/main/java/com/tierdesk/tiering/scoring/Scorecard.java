package com.tierdesk.tiering.scoring;

import com.tierdesk.shared.Label;
import java.util.List;

/** A customer's score with each indicator's part in it: raw value, normalised score, effective weight, contribution. */
public record Scorecard(double score, List<Contribution> contributions) {

    public Scorecard {
        contributions = List.copyOf(contributions);
    }

    /** {@code weight} is the indicator's share of the total (dimension weight × indicator weight), 0-1. */
    public record Contribution(Label dimension, String metric, double raw, double normalised, double weight,
            double contribution) {
    }
}
