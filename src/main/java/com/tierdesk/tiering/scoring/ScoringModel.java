package com.tierdesk.tiering.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scoring model as data: score = Σ dimension weight × Σ indicator weight × indicator score, from 0
 * to 100. Weights are percentages; dimension weights, and the indicator weights inside each
 * dimension, sum to 100.
 */
public record ScoringModel(String name, List<Dimension> dimensions) {

    private static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    public ScoringModel {
        dimensions = List.copyOf(dimensions);
    }

    /** Every reason why this model cannot be used with these metrics; empty when it can. */
    public List<ModelProblem> problems(Set<String> knownMetrics) {
        List<ModelProblem> problems = new ArrayList<>();
        if (dimensions.isEmpty()) {
            problems.add(new ModelProblem("dimensions", "a model needs at least one dimension"));
        }
        checkSum(problems, "dimensions", dimensions.stream().mapToDouble(Dimension::weight).sum());
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dimension = dimensions.get(d);
            String at = "dimensions[" + d + "]";
            if (dimension.weight() <= 0) {
                problems.add(new ModelProblem(at + ".weight", "must be positive"));
            }
            if (dimension.indicators().isEmpty()) {
                problems.add(new ModelProblem(at + ".indicators", "dimension " + dimension.name() + " has no indicator"));
            }
            checkSum(problems, at + ".indicators", dimension.indicators().stream().mapToDouble(Indicator::weight).sum());
            for (int i = 0; i < dimension.indicators().size(); i++) {
                Indicator indicator = dimension.indicators().get(i);
                String field = at + ".indicators[" + i + "]";
                if (!knownMetrics.contains(indicator.metric())) {
                    problems.add(new ModelProblem(field + ".metric", "unknown metric '" + indicator.metric() + "'"));
                }
                if (indicator.weight() <= 0) {
                    problems.add(new ModelProblem(field + ".weight", "must be positive"));
                }
                indicator.normalisation().problems()
                        .forEach(reason -> problems.add(new ModelProblem(field + ".normalisation", reason)));
            }
        }
        return problems;
    }

    private static void checkSum(List<ModelProblem> problems, String field, double sum) {
        if (Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE) {
            problems.add(new ModelProblem(field, "weights sum to " + sum + "%, not 100%"));
        }
    }

    /** Scores one customer and explains every indicator's part in the score. */
    public Scorecard score(Map<String, Double> rawValues, Map<String, Population> populations) {
        List<Scorecard.Contribution> contributions = new ArrayList<>();
        double total = 0;
        for (Dimension dimension : dimensions) {
            for (Indicator indicator : dimension.indicators()) {
                Double raw = rawValues.get(indicator.metric());
                if (raw == null) {
                    throw new IllegalArgumentException("no value for metric '" + indicator.metric() + "'");
                }
                double normalised = indicator.score(raw, populations.get(indicator.metric()));
                double weight = dimension.weight() / 100 * indicator.weight() / 100;
                double contribution = weight * normalised;
                total += contribution;
                contributions.add(new Scorecard.Contribution(dimension.name(), indicator.metric(), raw, normalised,
                        weight, contribution));
            }
        }
        return new Scorecard(Math.max(0, Math.min(100, total)), contributions);
    }
}
