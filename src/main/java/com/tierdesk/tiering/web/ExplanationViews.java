package com.tierdesk.tiering.web;

import com.tierdesk.tiering.TierExplanation;
import com.tierdesk.tiering.scoring.Numbers;
import com.tierdesk.tiering.scoring.Scorecard;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds {@link ExplanationView}s: the decision sentence from the reason and grading, the bars from the scorecard. */
@Component
class ExplanationViews {

    private final MessageSource messages;
    private final ConsoleCharts charts;

    ExplanationViews(MessageSource messages, ConsoleCharts charts) {
        this.messages = messages;
        this.charts = charts;
    }

    ExplanationView of(TierExplanation e, Map<String, TierLabel> tiers, Locale locale) {
        List<ExplanationView.ContributionRow> rows = e.scorecard() == null ? List.of()
                : e.scorecard().contributions().stream().map(c -> row(c, locale)).toList();
        String chart = e.scorecard() == null ? null : charts.bars(text(locale, "tiering.explanation.contribution"),
                rows.stream().map(row -> row.dimension() + " · " + row.metric()).toList(),
                rows.stream().map(row -> round(row.contribution())).toList());
        List<ExplanationView.MetricRow> metrics = e.metrics().entrySet().stream()
                .map(m -> new ExplanationView.MetricRow(metricName(m.getKey(), locale), Figures.format(m.getValue(), m.getKey())))
                .toList();
        return new ExplanationView(e, decision(e, tiers, locale), rows, chart, metrics);
    }

    /** The decision in one sentence, as the service's English summary says it, in the reader's language. */
    private String decision(TierExplanation e, Map<String, TierLabel> tiers, Locale locale) {
        String score = e.score() == null ? "—" : Numbers.plain(e.score());
        String graded = name(tiers, e.gradedTier());
        String floor = e.tierFloor() == null ? null : Numbers.plain(e.tierFloor());
        String grading = switch (e.grading()) {
            case "RULES" -> e.gradingRule() == null ? text(locale, "tiering.why.noRule", graded)
                    : text(locale, "tiering.why.rule", e.gradingRule(), graded);
            case "QUOTAS" -> floor == null ? text(locale, "tiering.why.quota", score, graded)
                    : text(locale, "tiering.why.quotaFloor", score, graded, floor);
            default -> floor == null ? text(locale, "tiering.why.threshold", score, graded)
                    : text(locale, "tiering.why.thresholdFloor", score, graded, floor);
        };
        return text(locale, "tiering.why." + e.reason(), grading, name(tiers, e.tier()), name(tiers, e.previousTier()),
                Numbers.plain(e.downgradeMargin()), Integer.toString(e.churnDays()));
    }

    private ExplanationView.ContributionRow row(Scorecard.Contribution c, Locale locale) {
        return new ExplanationView.ContributionRow(c.dimension(), metricName(c.metric(), locale), Figures.format(c.raw(), c.metric()),
                c.normalised(), c.weight() * 100, c.contribution());
    }

    private String metricName(String key, Locale locale) {
        return messages.getMessage("tiering.metric." + key, null, key, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String name(Map<String, TierLabel> tiers, String code) {
        TierLabel label = code == null ? null : tiers.get(code);
        return label == null ? String.valueOf(code) : label.name();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
