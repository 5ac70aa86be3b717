package com.tierdesk.tiering.web;

import com.tierdesk.shared.Label;
import com.tierdesk.tiering.ModelVersion;
import com.tierdesk.tiering.scoring.Dimension;
import com.tierdesk.tiering.scoring.GradingRules;
import com.tierdesk.tiering.scoring.Indicator;
import com.tierdesk.tiering.scoring.Normalisation;
import com.tierdesk.tiering.scoring.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A model version as the console shows it: one row per indicator with its dimension, weights and normalisation
 * (its kind, for the words, and its figures), and under a rule-based model each band's levels in one line and each
 * rule's conditions (the metric's key, for its name, the comparison and the value).
 */
record ModelView(ModelVersion version, List<IndicatorRow> indicators, List<BandRow> bands, List<RuleRow> rules) {

    /**
     * @param dimensionRows  how many indicators the dimension has, on its first row (0 on the others)
     * @param share          the indicator's share of the total score, percent
     * @param normalisation  BREAKPOINTS, PERCENTILE_RANK or LOG_SCALE
     * @param figures        the breakpoints (raw → score) or the log scale's range
     */
    record IndicatorRow(Label dimension, double dimensionWeight, int dimensionRows, String metric,
            Indicator.Direction direction, double weight, double share, String normalisation, String figures) {
    }

    /** A band: its name, the metric it reads, and its levels in one line, in the reader's language. */
    record BandRow(Label name, String metric, String levels) {
    }

    /** A rule: the tier it gives, its label, and its condition as groups (any of them) of conditions (all of them). */
    record RuleRow(String tier, Label label, List<List<ConditionRow>> anyOf) {
    }

    record ConditionRow(String metric, String comparison, String value) {
    }

    static ModelView of(ModelVersion version, Locale locale) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (Dimension dimension : version.definition().dimensions()) {
            int first = rows.size();
            for (Indicator indicator : dimension.indicators()) {
                rows.add(new IndicatorRow(dimension.name(), dimension.weight(),
                        rows.size() == first ? dimension.indicators().size() : 0, indicator.metric(), indicator.direction(),
                        indicator.weight(), dimension.weight() * indicator.weight() / 100, kind(indicator.normalisation()),
                        figures(indicator.normalisation())));
            }
        }
        GradingRules rules = version.definition().rules();
        List<BandRow> bands = rules == null ? List.of() : rules.bands().stream()
                .map(band -> new BandRow(band.name(), band.metric(), levels(band, locale))).toList();
        List<RuleRow> ruleRows = rules == null ? List.of() : rules.rules().stream()
                .map(rule -> new RuleRow(rule.tier(), rule.label(), rule.anyOf().stream().map(group -> group.stream()
                        .map(c -> new ConditionRow(c.metric(), c.comparison().symbol(), Numbers.plain(c.value()))).toList())
                        .toList()))
                .toList();
        return new ModelView(version, rows, bands, ruleRows);
    }

    private static String kind(Normalisation normalisation) {
        return normalisation instanceof Normalisation.Breakpoints ? "BREAKPOINTS"
                : normalisation instanceof Normalisation.LogScale ? "LOG_SCALE" : "PERCENTILE_RANK";
    }

    private static String figures(Normalisation normalisation) {
        if (normalisation instanceof Normalisation.Breakpoints breakpoints) {
            return breakpoints.points().stream().map(p -> Numbers.plain(p.raw()) + " → " + Numbers.plain(p.score()))
                    .collect(Collectors.joining(", "));
        }
        if (normalisation instanceof Normalisation.LogScale scale) {
            return Numbers.plain(scale.min()) + " – " + Numbers.plain(scale.max());
        }
        return "";
    }

    /** Such as: few < 10, medium ≤ 50, many. */
    private static String levels(GradingRules.Band band, Locale locale) {
        return band.levels().stream().map(level -> level.upTo() == null ? level.label().in(locale)
                : level.label().in(locale) + (level.inclusive() ? " ≤ " : " < ") + Numbers.plain(level.upTo()))
                .collect(Collectors.joining(", "));
    }
}
