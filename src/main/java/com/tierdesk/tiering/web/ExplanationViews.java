package com.tierdesk.tiering.web;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.FigureFormat;
import com.tierdesk.tiering.MoveCause;
import com.tierdesk.tiering.TierExplanation;
import com.tierdesk.tiering.scoring.DecisionReason;
import com.tierdesk.tiering.scoring.GradingReason;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.Numbers;
import com.tierdesk.tiering.scoring.Scorecard;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds {@link ExplanationView}s: the decision in the reader's language from the explanation's grading and decision
 * reasons and their figures, the bars from the scorecard, each metric's raw value written as every page writes its
 * unit ({@link FigureFormat}).
 */
@Component
class ExplanationViews {

    private final MessageSource messages;
    private final ConsoleCharts charts;
    private final TierLabels tierLabels;
    private final BusinessTime time;

    ExplanationViews(MessageSource messages, ConsoleCharts charts, TierLabels tierLabels, BusinessTime time) {
        this.messages = messages;
        this.charts = charts;
        this.tierLabels = tierLabels;
        this.time = time;
    }

    /** The explanation with its decision in the reader's language, as the API answers it. */
    ExplainedTier explained(TierExplanation e, Locale locale) {
        return new ExplainedTier(e, decision(e, tierLabels.of(locale), locale));
    }

    ExplanationView of(TierExplanation e, Locale locale) {
        Map<String, TierLabel> tiers = tierLabels.of(locale);
        FigureFormat figures = new FigureFormat(locale, time.zone());
        List<ExplanationView.ContributionRow> rows = e.scorecard() == null ? List.of()
                : e.scorecard().contributions().stream().map(c -> row(c, figures, locale)).toList();
        String chart = e.scorecard() == null ? null : charts.bars(text(locale, "tiering.explanation.contribution"),
                rows.stream().map(row -> row.dimension() + " · " + row.metric()).toList(),
                rows.stream().map(row -> round(row.contribution())).toList());
        List<ExplanationView.MetricRow> metrics = e.metrics().entrySet().stream()
                .map(m -> new ExplanationView.MetricRow(metricName(m.getKey(), locale), raw(figures, m.getValue(), m.getKey())))
                .toList();
        String rule = e.grading() instanceof GradingReason.Rule held ? held.label().in(locale) : null;
        List<ExplanationView.ChangeRow> changes = e.previous() == null ? List.of() : e.previous().contributions().stream()
                .map(c -> new ExplanationView.ChangeRow(c.dimension().in(locale), metricName(c.metric(), locale), c.previous(),
                        c.now(), signed(figures, c.change()))).toList();
        return new ExplanationView(e, decision(e, tiers, locale), rule, rows, chart, metrics, move(e, tiers, figures, locale),
                changes);
    }

    /**
     * What moved the customer, in words: the other customers (the new figures graded against the previous population
     * keep the published tier; how many customers were added and changed since) or the customer's own figures (which
     * changed most, then and now).
     */
    private String move(TierExplanation e, Map<String, TierLabel> tiers, FigureFormat figures, Locale locale) {
        TierExplanation.Previous previous = e.previous();
        if (previous == null || previous.cause() == null) {
            return null;
        }
        String before = name(tiers, e.previousTier());
        if (previous.cause() == MoveCause.POPULATION) {
            return text(locale, "tiering.explanation.cause.POPULATION", before, count(previous.addedCustomers(), locale),
                    count(previous.changedCustomers(), locale));
        }
        if (previous.ownChanges().isEmpty()) {
            return text(locale, "tiering.explanation.cause.ownFiguresUnnamed", before);
        }
        String changed = previous.ownChanges().stream().map(change -> text(locale, "tiering.explanation.figureChange",
                metricName(change.metric(), locale), raw(figures, change.previous(), change.metric()),
                raw(figures, change.now(), change.metric()))).collect(Collectors.joining(text(locale, "tiering.explanation.listSeparator")));
        return text(locale, "tiering.explanation.cause.OWN_FIGURES", before, changed);
    }

    /** Points with their sign: +1.25, −3.50, 0.00. */
    private static String signed(FigureFormat figures, double points) {
        double rounded = Math.round(points * 100) / 100.0;
        return rounded > 0 ? "+" + figures.score(rounded) : rounded < 0 ? "−" + figures.score(-rounded) : figures.score(0);
    }

    /** The decision in one sentence: how the grading went, then what hysteresis or the churn rule made of it. */
    private String decision(TierExplanation e, Map<String, TierLabel> tiers, Locale locale) {
        String tier = name(tiers, e.tier());
        String previous = name(tiers, e.previousTier());
        DecisionReason reason = e.decision();
        if (reason instanceof DecisionReason.Churn churn) {
            return churn.daysWithoutPaidOrder() == null ? text(locale, "tiering.why.churnLimit", tier, churn.churnDays())
                    : text(locale, "tiering.why.CHURN", tier, count(churn.daysWithoutPaidOrder(), locale), churn.churnDays());
        }
        String grading = grading(e, tiers, locale);
        if (reason instanceof DecisionReason.Held held) {
            return held.floor() == null ? text(locale, "tiering.why.HELD", grading, tier)
                    : text(locale, "tiering.why.heldWithinMargin", grading, tier, plain(held.score()),
                            plain(held.margin()), plain(held.floor()));
        }
        if (reason instanceof DecisionReason.DowngradedBeyondMargin beyond) {
            return text(locale, "tiering.why.DOWNGRADED_BEYOND_MARGIN", grading, previous, plain(beyond.score()),
                    plain(beyond.margin()), plain(beyond.floor()));
        }
        if (reason instanceof DecisionReason.DowngradedTwice) {
            return text(locale, "tiering.why.DOWNGRADED_TWICE", grading, previous);
        }
        return text(locale, "tiering.why.GRADED", grading);
    }

    /** How the grading gave the graded tier: the threshold reached, the quota ranked in, or the rule that held. */
    private String grading(TierExplanation e, Map<String, TierLabel> tiers, Locale locale) {
        String graded = name(tiers, e.gradedTier());
        GradingReason reason = e.grading();
        if (reason instanceof GradingReason.Threshold threshold) {
            String sentence = threshold.reached() != null
                    ? text(locale, "tiering.why.threshold", plain(threshold.score()), graded, plain(threshold.reached()))
                    : text(locale, "tiering.why.belowThresholds", plain(threshold.score()), graded,
                            plain(threshold.missed()), name(tiers, e.tiers().get(e.tiers().indexOf(e.gradedTier()) - 1)));
            return threshold.quotaMinimum() == null ? sentence
                    : text(locale, "tiering.why.quotaFallback", sentence, count(threshold.quotaMinimum(), locale));
        }
        if (reason instanceof GradingReason.Quota quota) {
            if (quota.rank() != null) {
                return text(locale, "tiering.why.quotaRank", plain(quota.score()), graded, count(quota.rank(), locale),
                        count(quota.population(), locale), plain(100.0 * quota.rank() / quota.population()),
                        plain(quota.fromPercent()), plain(quota.toPercent()));
            }
            return quota.floor() == null ? text(locale, "tiering.why.quota", plain(quota.score()), graded)
                    : text(locale, "tiering.why.quotaFloor", plain(quota.score()), graded, plain(quota.floor()));
        }
        if (reason instanceof GradingReason.Rule rule) {
            return text(locale, "tiering.why.rule", rule.label().in(locale), graded);
        }
        return text(locale, "tiering.why.noRule", graded);
    }

    private ExplanationView.ContributionRow row(Scorecard.Contribution c, FigureFormat figures, Locale locale) {
        return new ExplanationView.ContributionRow(c.dimension().in(locale), metricName(c.metric(), locale),
                raw(figures, c.raw(), c.metric()), c.normalised(), c.weight() * 100, c.contribution());
    }

    /** A metric's raw value in its unit: yuan, percent, a ratio to three decimals, or a plain figure. */
    private static String raw(FigureFormat figures, Double value, String metric) {
        return switch (Metric.byKey(metric).map(Metric::unit).orElse(Metric.Unit.COUNT)) {
            case CNY -> figures.money(value);
            case PERCENT -> figures.percent(value);
            case RATIO -> figures.ratio(value);
            default -> figures.number(value);
        };
    }

    private String metricName(String key, Locale locale) {
        return messages.getMessage("tiering.metric." + key, null, key, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String plain(Double value) {
        return value == null ? "—" : Numbers.plain(value);
    }

    private static String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private static String name(Map<String, TierLabel> tiers, String code) {
        TierLabel label = code == null ? null : tiers.get(code);
        return label == null ? String.valueOf(code) : label.name();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
