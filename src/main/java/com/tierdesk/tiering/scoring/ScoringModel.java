package com.tierdesk.tiering.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.Label;
import com.tierdesk.shared.TextRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scoring model as data: how customers are scored and how scores become tiers. A weighted model scores
 * Σ dimension weight × Σ indicator weight × indicator score, from 0 to 100 (weights are percentages;
 * dimension weights, and the indicator weights inside each dimension, sum to 100), and grades the score by
 * thresholds or quotas. A rule-based model has no score: its {@link GradingRules} pick the tier.
 */
public record ScoringModel(Label name, Label description, List<Dimension> dimensions, GradingRules rules,
        TierPolicy tierPolicy) {

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;
    private static final int MAX_NAME = 100;
    private static final int MAX_DESCRIPTION = 1000;
    private static final String WEIGHT = "problem.model.weight";

    public ScoringModel {
        description = description == null || description.isEmpty() ? null : description;
        dimensions = Definitions.copy(dimensions);
    }

    /** A weighted model graded by the standard thresholds. */
    public static ScoringModel weighted(Label name, List<Dimension> dimensions) {
        return new ScoringModel(name, null, dimensions, null, TierPolicy.standard(TierPolicy.Grading.THRESHOLDS));
    }

    @JsonIgnore
    public boolean ruleBased() {
        return tierPolicy != null && tierPolicy.grading() == TierPolicy.Grading.RULES;
    }

    /** The indicators of every dimension, in order: the order of a run's stored indicator scores. */
    @JsonIgnore
    public List<Indicator> indicators() {
        return dimensions.stream().flatMap(dimension -> dimension.indicators().stream()).toList();
    }

    /** Every metric the model reads, in a stable order: the order of a run's stored raw values. */
    @JsonIgnore
    public List<Metric> metrics() {
        Set<String> keys = new LinkedHashSet<>();
        indicators().forEach(indicator -> keys.add(indicator.metric()));
        if (rules != null) {
            keys.addAll(rules.metricKeys());
        }
        return keys.stream().map(key -> Metric.byKey(key).orElseThrow()).toList();
    }

    /** Every reason why this model cannot be used with this tier ladder; empty when it can. */
    public List<FieldProblem> problems(List<String> tiers) {
        List<FieldProblem> problems = new ArrayList<>();
        Label.problemOf(name, MAX_NAME).ifPresent(reason -> problems.add(new FieldProblem("name", reason)));
        if (description != null) {
            TextRules.multiline(description.zh(), MAX_DESCRIPTION)
                    .or(() -> TextRules.multiline(description.en(), MAX_DESCRIPTION))
                    .ifPresent(reason -> problems.add(new FieldProblem("description", reason)));
        }
        if (tierPolicy == null) {
            problems.add(FieldProblem.of("tierPolicy", "problem.required"));
            return problems;
        }
        problems.addAll(tierPolicy.problems(tiers));
        if (ruleBased()) {
            if (!dimensions.isEmpty()) {
                problems.add(FieldProblem.of("dimensions", "problem.model.rules-no-dimensions"));
            }
            if (rules == null) {
                problems.add(FieldProblem.of("rules", "problem.model.rules-needed"));
            } else {
                problems.addAll(rules.problems(tiers));
            }
            return problems;
        }
        if (rules != null) {
            problems.add(FieldProblem.of("rules", "problem.model.rules-only"));
        }
        problems.addAll(dimensionProblems());
        return problems;
    }

    private List<FieldProblem> dimensionProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (dimensions.isEmpty()) {
            problems.add(FieldProblem.of("dimensions", "problem.model.no-dimensions"));
        }
        if (dimensions.stream().allMatch(dimension -> dimension != null && isWeight(dimension.weight()))) {
            checkSum(problems, "dimensions", dimensions.stream().mapToDouble(Dimension::weight).sum());
        }
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dimension = dimensions.get(d);
            String at = "dimensions[" + d + "]";
            if (dimension == null) {
                problems.add(FieldProblem.of(at, "problem.required"));
                continue;
            }
            Label.problemOf(dimension.name(), MAX_NAME).ifPresent(reason -> problems.add(new FieldProblem(at + ".name", reason)));
            if (!isWeight(dimension.weight())) {
                problems.add(FieldProblem.of(at + ".weight", WEIGHT));
            }
            if (dimension.indicators().isEmpty()) {
                problems.add(FieldProblem.of(at + ".indicators", "problem.model.dimension-indicators"));
            }
            if (dimension.indicators().stream().allMatch(indicator -> indicator != null && isWeight(indicator.weight()))) {
                checkSum(problems, at + ".indicators", dimension.indicators().stream().mapToDouble(Indicator::weight).sum());
            }
            for (int i = 0; i < dimension.indicators().size(); i++) {
                problems.addAll(indicatorProblems(dimension.indicators().get(i), at + ".indicators[" + i + "]"));
            }
        }
        return problems;
    }

    private static List<FieldProblem> indicatorProblems(Indicator indicator, String field) {
        if (indicator == null) {
            return List.of(FieldProblem.of(field, "problem.required"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (Metric.byKey(indicator.metric()).isEmpty()) {
            problems.add(FieldProblem.of(field + ".metric", "problem.model.unknown-metric", Definitions.quote(indicator.metric())));
        }
        if (!isWeight(indicator.weight())) {
            problems.add(FieldProblem.of(field + ".weight", WEIGHT));
        }
        if (indicator.direction() == null) {
            problems.add(FieldProblem.of(field + ".direction", "problem.model.direction"));
        }
        if (indicator.normalisation() == null) {
            problems.add(FieldProblem.of(field + ".normalisation", "problem.required"));
        } else {
            indicator.normalisation().problems()
                    .forEach(reason -> problems.add(new FieldProblem(field + ".normalisation", reason)));
        }
        return problems;
    }

    /** A weight is a share in percent: more than 0, at most 100, so that no sum of weights can overflow. */
    private static boolean isWeight(double weight) {
        return weight > 0 && weight <= 100;
    }

    private static void checkSum(List<FieldProblem> problems, String field, double sum) {
        if (Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) {
            problems.add(FieldProblem.of(field, "problem.model.weights-sum", Numbers.plain(sum)));
        }
    }

    /** Scores one customer and explains every indicator's part in the score. */
    public Scorecard score(Map<String, Double> rawValues, Map<String, Population> populations) {
        List<Indicator> indicators = indicators();
        double[] normalised = new double[indicators.size()];
        double[] raw = new double[indicators.size()];
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            Double value = rawValues.get(indicator.metric());
            if (value == null) {
                throw new IllegalArgumentException("no value for metric '" + indicator.metric() + "'");
            }
            raw[i] = value;
            normalised[i] = indicator.score(value, populations.get(indicator.metric()));
        }
        return scorecard(raw, normalised);
    }

    /** The scorecard of a customer whose indicators were already normalised (as a run stores them). */
    public Scorecard scorecard(double[] raw, double[] normalised) {
        List<Scorecard.Contribution> contributions = new ArrayList<>();
        double total = 0;
        int i = 0;
        for (Dimension dimension : dimensions) {
            for (Indicator indicator : dimension.indicators()) {
                double weight = dimension.weight() / 100 * indicator.weight() / 100;
                double contribution = weight * normalised[i];
                total += contribution;
                contributions.add(new Scorecard.Contribution(dimension.name(), indicator.metric(), raw[i], normalised[i],
                        weight, contribution));
                i++;
            }
        }
        return new Scorecard(Math.max(0, Math.min(100, total)), contributions);
    }
}
