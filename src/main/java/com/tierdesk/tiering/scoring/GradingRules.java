package com.tierdesk.tiering.scoring;

import com.tierdesk.shared.FieldProblem;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Rule-based grading, for shops that grade on a few plain figures rather than a weighted score: the first
 * rule whose condition holds gives the tier, otherwise the {@code otherwise} tier. A rule holds when any of
 * its groups holds, a group when all its conditions do. Bands name ranges of a metric (orders per year:
 * few, medium, many) and label each customer in the explanation.
 */
public record GradingRules(List<Band> bands, List<Rule> rules, String otherwise) {

    public GradingRules {
        bands = bands == null ? List.of() : List.copyOf(bands);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A rule: the tier, a label for explanations, and its condition as groups of conditions (OR of ANDs). */
    public record Rule(String tier, String label, List<List<Condition>> anyOf) {

        public Rule {
            anyOf = anyOf == null ? List.of() : anyOf.stream().map(List::copyOf).toList();
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
     * Named ranges of a metric, lowest first: each level reaches up to {@code upTo} (included when
     * {@code inclusive}); the last level has no upper bound.
     */
    public record Band(String name, String metric, List<Level> levels) {

        public Band {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }

        public record Level(String label, Double upTo, boolean inclusive) {
        }

        /** The label of the level the value falls in, or {@code null} for a missing value. */
        public String label(double raw) {
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
            problems.add(new FieldProblem("rules.rules", "rule-based grading needs at least one rule"));
        }
        if (otherwise == null || !tiers.contains(otherwise)) {
            problems.add(new FieldProblem("rules.otherwise", "must be one of the tiers " + tiers + ", not " + otherwise));
        }
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            String at = "rules.rules[" + r + "]";
            if (!tiers.contains(rule.tier())) {
                problems.add(new FieldProblem(at + ".tier", "unknown tier '" + rule.tier() + "' (tiers: " + tiers + ")"));
            }
            if (rule.anyOf().isEmpty() || rule.anyOf().stream().anyMatch(List::isEmpty)) {
                problems.add(new FieldProblem(at + ".anyOf", "needs at least one group with at least one condition"));
            }
            for (int g = 0; g < rule.anyOf().size(); g++) {
                List<Condition> group = rule.anyOf().get(g);
                for (int c = 0; c < group.size(); c++) {
                    Condition condition = group.get(c);
                    String field = at + ".anyOf[" + g + "][" + c + "]";
                    if (Metric.byKey(condition.metric()).isEmpty()) {
                        problems.add(new FieldProblem(field + ".metric", "unknown metric '" + condition.metric() + "'"));
                    }
                    if (condition.comparison() == null) {
                        problems.add(new FieldProblem(field + ".comparison", "must be one of LT, LE, GT, GE, EQ"));
                    }
                    if (!Double.isFinite(condition.value())) {
                        problems.add(new FieldProblem(field + ".value", "must be a finite number"));
                    }
                }
            }
        }
        for (int b = 0; b < bands.size(); b++) {
            problems.addAll(bandProblems(bands.get(b), "rules.bands[" + b + "]"));
        }
        return problems;
    }

    private static List<FieldProblem> bandProblems(Band band, String at) {
        List<FieldProblem> problems = new ArrayList<>();
        if (Metric.byKey(band.metric()).isEmpty()) {
            problems.add(new FieldProblem(at + ".metric", "unknown metric '" + band.metric() + "'"));
        }
        if (band.levels().size() < 2) {
            problems.add(new FieldProblem(at + ".levels", "a band needs at least two levels"));
            return problems;
        }
        for (int l = 0; l < band.levels().size(); l++) {
            Band.Level level = band.levels().get(l);
            boolean last = l == band.levels().size() - 1;
            if (!last && level.upTo() == null) {
                problems.add(new FieldProblem(at + ".levels[" + l + "].upTo", "only the last level may be open-ended"));
            }
            if (last && level.upTo() != null) {
                problems.add(new FieldProblem(at + ".levels[" + l + "].upTo", "the last level has no upper bound"));
            }
            if (l > 0 && level.upTo() != null && band.levels().get(l - 1).upTo() != null
                    && !(level.upTo() > band.levels().get(l - 1).upTo())) {
                problems.add(new FieldProblem(at + ".levels[" + l + "].upTo", "upper bounds must rise: "
                        + String.format(Locale.ROOT, "%s then %s", band.levels().get(l - 1).upTo(), level.upTo())));
            }
        }
        return problems;
    }
}
