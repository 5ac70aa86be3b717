package com.tierdesk.tiering.scoring;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.tierdesk.shared.Reason;
import java.util.ArrayList;
import java.util.List;

/** Turns an indicator's raw value into a score from 0 to 100 (before its direction is applied). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Normalisation.Breakpoints.class, name = "BREAKPOINTS"),
        @JsonSubTypes.Type(value = Normalisation.PercentileRank.class, name = "PERCENTILE_RANK"),
        @JsonSubTypes.Type(value = Normalisation.LogScale.class, name = "LOG_SCALE")})
public sealed interface Normalisation permits Normalisation.Breakpoints, Normalisation.PercentileRank, Normalisation.LogScale {

    double score(double raw, Population population);

    /** Problems with the definition, each a reason; empty when it is valid. */
    List<Reason> problems();

    /** Linear between the breakpoints (raw value → score), flat beyond the first and the last. */
    record Breakpoints(List<Point> points) implements Normalisation {

        public Breakpoints {
            points = Definitions.copy(points);
        }

        public record Point(double raw, double score) {
        }

        @Override
        public double score(double raw, Population population) {
            if (points.isEmpty()) {
                throw new IllegalStateException("breakpoints without points");
            }
            if (raw <= points.get(0).raw()) {
                return points.get(0).score();
            }
            for (int i = 1; i < points.size(); i++) {
                Point upper = points.get(i);
                if (raw <= upper.raw()) {
                    Point lower = points.get(i - 1);
                    return lower.score() + (raw - lower.raw()) / (upper.raw() - lower.raw()) * (upper.score() - lower.score());
                }
            }
            return points.get(points.size() - 1).score();
        }

        @Override
        public List<Reason> problems() {
            List<Reason> problems = new ArrayList<>();
            if (points.size() < 2) {
                problems.add(Reason.of("problem.model.breakpoints"));
            }
            for (int i = 0; i < points.size(); i++) {
                Point point = points.get(i);
                if (point == null) {
                    problems.add(Reason.of("problem.model.breakpoint-missing", i + 1));
                    continue;
                }
                if (!(point.score() >= 0 && point.score() <= 100)) {
                    problems.add(Reason.of("problem.model.breakpoint-score", i + 1, point.score()));
                }
                if (!Double.isFinite(point.raw())) {
                    problems.add(Reason.of("problem.model.breakpoint-raw", i + 1, point.raw()));
                } else if (i > 0 && points.get(i - 1) != null && !(point.raw() > points.get(i - 1).raw())) {
                    problems.add(Reason.of("problem.model.breakpoints-ascending", points.get(i - 1).raw(), point.raw()));
                }
            }
            return problems;
        }
    }

    /**
     * The share of the population with a lower value, ties counted half: near 0 for the lowest, near 100 for
     * the highest. The population is every customer assessed with a value for the metric.
     */
    record PercentileRank() implements Normalisation {

        @Override
        public double score(double raw, Population population) {
            return population.percentileRank(raw);
        }

        @Override
        public List<Reason> problems() {
            return List.of();
        }
    }

    /** ln(1 + raw) between ln(1 + min) (score 0) and ln(1 + max) (score 100): for long-tailed values such as spend. */
    record LogScale(double min, double max) implements Normalisation {

        @Override
        public double score(double raw, Population population) {
            double low = Math.log1p(min);
            double high = Math.log1p(max);
            double value = Math.log1p(Math.max(min, Math.min(max, raw)));
            return 100 * (value - low) / (high - low);
        }

        @Override
        public List<Reason> problems() {
            if (!(min >= 0 && max > min && Double.isFinite(max))) {
                return List.of(Reason.of("problem.model.log-scale", min, max));
            }
            return List.of();
        }
    }
}
