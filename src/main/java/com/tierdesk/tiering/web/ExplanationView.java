package com.tierdesk.tiering.web;

import com.tierdesk.tiering.TierExplanation;
import java.util.List;

/**
 * A customer's explanation as the console shows it: the decision in the reader's language, under a rule-based model
 * the label of the rule that held ({@code null}: none did), each indicator's part in the score as a table row and
 * as a bar ({@code chart}, null under a rule-based model), and every metric read; beside the published result, what
 * moved the customer in words ({@code move}, null when the tier did not move or the cause is not known) and each
 * indicator's points then and now.
 */
record ExplanationView(TierExplanation explanation, String decision, String gradingRule,
        List<ContributionRow> contributions, String chart, List<MetricRow> metrics, String move,
        List<ChangeRow> changes) {

    /** One indicator's points in the published result ({@code null}: not in that model), now, and the signed change. */
    record ChangeRow(String dimension, String metric, Double previous, double now, String change) {
    }

    /** One indicator: raw value (formatted), normalised score 0-100, effective weight in percent, points contributed. */
    record ContributionRow(String dimension, String metric, String raw, double normalised, double weightPercent,
            double contribution) {
    }

    record MetricRow(String metric, String value) {
    }

    public boolean weighted() {
        return explanation.scorecard() != null;
    }
}
