package com.tierdesk.tiering.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Rule-based grading, for shops that grade on a few plain figures rather than a weighted score: the first
 * rule whose condition holds gives the tier, otherwise the {@code otherwise} tier. A rule holds when any of
 * its groups holds, a group when all its conditions do. Bands name ranges of a metric (orders per year:
 * few, medium, many) and label each customer in the explanation.
 */
public record GradingRules(List<Band> bands, List<Rule> rules, String otherwise) {

    private static final int MAX_LABEL = 100;

    public GradingRules {
        bands = Definitions.copy(bands);
        rules = Definitions.copy(rules);
    }

    /** A rule: the tier, a label for explanations (Chinese and English), and its condition as groups of conditions (OR of ANDs). */
    public record Rule(String tier, Label label, List<List<Condition>> anyOf) {

        public Rule {
            anyOf = Definitions.copy(anyOf == null ? null
                    : anyOf.stream().map(group -> group == null ? null : Definitions.copy(group)).toList());
        }

        public boolean holds(ToDoubleFunction<Metric> values) {
            return anyOf.stream().anyMatch(group -> group.stream().allMatch(condition -> condition.holds(values)));
        }
    }

    /** A comparison of a metric with a value; a missing value ({@code NaN}) never satisfies one. */
    public record Condition(String metric, Comparison comparison, double value) {

        public boolean holds(ToDoubleFunction<Metric> values) {
            double raw = values.applyAsDouble(Metric.byKey(metric).orElseThrow());
            return !Double.isNaN(raw) && comparison.test(raw, value);
        }
    }

    public enum Comparison {
        LT("<"), LE("≤"), GT(">"), GE("≥"), EQ("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean test(double raw, double value) {
            return switch (this) {
                case LT -> raw < value;
                case LE -> raw <= value;
                case GT -> raw > value;
                case GE -> raw >= value;
                case EQ -> raw == value;
            };
        }
    }

    /**
     * Named ranges of a metric, lowest first, band and levels named in Chinese and English: each level reaches up to {@code upTo} (included when
     * {@code inclusive}); the last level has no upper bound.
     */
    public record Band(Label name, String metric, List<Level> levels) {

        public Band {
            levels = Definitions.copy(levels);
        }

        public record Level(Label label, Double upTo, boolean inclusive) {
        }

        /** The label of the level the value falls in, or {@code null} for a missing value. */
        public Label label(double raw) {
            if (Double.isNaN(raw)) {
                return null;
            }
            for (Level level : levels) {
                if (level.upTo() == null || raw < level.upTo() || level.inclusive() && raw == level.upTo()) {
                    return level.label();
                }
            }
            return levels.get(levels.size() - 1).label();
        }
    }

    /** The index of the first rule that holds, or -1 when none does and {@link #otherwise} applies. */
    public int firstHolding(ToDoubleFunction<Metric> values) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).holds(values)) {
                return i;
            }
        }
        return -1;
    }

    /** Every metric the rules and bands read. */
    @JsonIgnore
    public List<String> metricKeys() {
        List<String> keys = new ArrayList<>();
        rules.forEach(rule -> rule.anyOf().forEach(group -> group.forEach(condition -> keys.add(condition.metric()))));
        bands.forEach(band -> keys.add(band.metric()));
        return keys;
    }

    List<FieldProblem> problems(List<String> tiers) {
        List<FieldProblem> problems = new ArrayList<>();
        if (rules.isEmpty()) {
            problems.add(FieldProblem.of("rules.rules", "problem.model.no-rules"));
        }
        if (otherwise == null || !tiers.contains(otherwise)) {
            problems.add(FieldProblem.of("rules.otherwise", "problem.model.otherwise", tiers, Definitions.quote(otherwise)));
        }
        for (int r = 0; r < rules.size(); r++) {
            problems.addAll(ruleProblems(rules.get(r), "rules.rules[" + r + "]", tiers));
        }
        for (int b = 0; b < bands.size(); b++) {
            problems.addAll(bandProblems(bands.get(b), "rules.bands[" + b + "]"));
        }
        return problems;
    }

    private static List<FieldProblem> ruleProblems(Rule rule, String at, List<String> tiers) {
        if (rule == null) {
            return List.of(FieldProblem.of(at, "problem.required"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!tiers.contains(rule.tier())) {
            problems.add(FieldProblem.of(at + ".tier", "problem.unknown-tier", Definitions.quote(rule.tier()), tiers));
        }
        Label.problemOf(rule.label(), MAX_LABEL).ifPresent(reason -> problems.add(new FieldProblem(at + ".label", reason)));
        if (rule.anyOf().isEmpty() || rule.anyOf().stream().anyMatch(group -> group == null || group.isEmpty())) {
            problems.add(FieldProblem.of(at + ".anyOf", "problem.model.rule-conditions"));
        }
        for (int g = 0; g < rule.anyOf().size(); g++) {
            List<Condition> group = rule.anyOf().get(g);
            for (int c = 0; group != null && c < group.size(); c++) {
                Condition condition = group.get(c);
                String field = at + ".anyOf[" + g + "][" + c + "]";
                if (condition == null) {
                    problems.add(FieldProblem.of(field, "problem.required"));
                    continue;
                }
                if (Metric.byKey(condition.metric()).isEmpty()) {
                    problems.add(FieldProblem.of(field + ".metric", "problem.model.unknown-metric", Definitions.quote(condition.metric())));
                }
                if (condition.comparison() == null) {
                    problems.add(FieldProblem.of(field + ".comparison", "problem.model.comparison"));
                }
                if (!Double.isFinite(condition.value())) {
                    problems.add(FieldProblem.of(field + ".value", "problem.finite-number"));
                }
            }
        }
        return problems;
    }

    private static List<FieldProblem> bandProblems(Band band, String at) {
        if (band == null) {
            return List.of(FieldProblem.of(at, "problem.required"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Label.problemOf(band.name(), MAX_LABEL).ifPresent(reason -> problems.add(new FieldProblem(at + ".name", reason)));
        if (Metric.byKey(band.metric()).isEmpty()) {
            problems.add(FieldProblem.of(at + ".metric", "problem.model.unknown-metric", Definitions.quote(band.metric())));
        }
        if (band.levels().size() < 2) {
            problems.add(FieldProblem.of(at + ".levels", "problem.model.band-levels"));
            return problems;
        }
        Double below = null;
        for (int l = 0; l < band.levels().size(); l++) {
            Band.Level level = band.levels().get(l);
            String field = at + ".levels[" + l + "]";
            if (level == null) {
                problems.add(FieldProblem.of(field, "problem.required"));
                continue;
            }
            Label.problemOf(level.label(), MAX_LABEL)
                    .ifPresent(reason -> problems.add(new FieldProblem(field + ".label", reason)));
            boolean last = l == band.levels().size() - 1;
            if (!last && level.upTo() == null) {
                problems.add(FieldProblem.of(field + ".upTo", "problem.model.open-level"));
            } else if (last && level.upTo() != null) {
                problems.add(FieldProblem.of(field + ".upTo", "problem.model.last-level-bound"));
            } else if (level.upTo() != null && !Double.isFinite(level.upTo())) {
                problems.add(FieldProblem.of(field + ".upTo", "problem.finite-number"));
            } else if (level.upTo() != null && below != null && !(level.upTo() > below)) {
                problems.add(FieldProblem.of(field + ".upTo", "problem.model.bounds-rise", below, level.upTo()));
            }
            below = level.upTo() != null && Double.isFinite(level.upTo()) ? level.upTo() : below;
        }
        return problems;
    }
}
