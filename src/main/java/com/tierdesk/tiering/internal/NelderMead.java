package com.tierdesk.tiering.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Minimises a smooth function of a few variables without derivatives (Nelder and Mead's simplex with the
 * standard coefficients), restarting from the best point until a restart no longer improves it.
 */
final class NelderMead {

    private static final double REFLECT = 1;
    private static final double EXPAND = 2;
    private static final double CONTRACT = 0.5;
    private static final double SHRINK = 0.5;

    private final ToDoubleFunction<double[]> function;
    private final double tolerance;
    private final int maxIterations;

    NelderMead(ToDoubleFunction<double[]> function, double tolerance, int maxIterations) {
        this.function = function;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    double[] minimise(double[] start, double step) {
        double[] best = start.clone();
        double bestValue = function.applyAsDouble(best);
        for (int restart = 0; restart < 10; restart++) {
            double[] found = run(best, step);
            double value = function.applyAsDouble(found);
            boolean improved = bestValue - value > tolerance;
            best = found;
            bestValue = value;
            if (!improved && restart > 0) {
                break;
            }
        }
        return best;
    }

    private double[] run(double[] start, double step) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        for (int i = 0; i <= n; i++) {
            values[i] = function.applyAsDouble(simplex[i]);
        }
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            order(simplex, values);
            if (Math.abs(values[n] - values[0]) <= tolerance * (Math.abs(values[0]) + tolerance)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -REFLECT);
            double reflectedValue = function.applyAsDouble(reflected);
            if (reflectedValue < values[0]) {
                double[] expanded = along(centroid, simplex[n], -EXPAND);
                double expandedValue = function.applyAsDouble(expanded);
                replaceWorst(simplex, values, expandedValue < reflectedValue ? expanded : reflected,
                        Math.min(expandedValue, reflectedValue));
            } else if (reflectedValue < values[n - 1]) {
                replaceWorst(simplex, values, reflected, reflectedValue);
            } else {
                double[] contracted = along(centroid, simplex[n], CONTRACT);
                double contractedValue = function.applyAsDouble(contracted);
                if (contractedValue < values[n]) {
                    replaceWorst(simplex, values, contracted, contractedValue);
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], SHRINK);
                        values[i] = function.applyAsDouble(simplex[i]);
                    }
                }
            }
        }
        order(simplex, values);
        return simplex[0];
    }

    /** centroid + factor × (point − centroid). */
    private static double[] along(double[] centroid, double[] point, double factor) {
        double[] result = new double[centroid.length];
        for (int j = 0; j < result.length; j++) {
            result[j] = centroid[j] + factor * (point[j] - centroid[j]);
        }
        return result;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        simplex[simplex.length - 1] = point;
        values[values.length - 1] = value;
    }

    private static void order(double[][] simplex, double[] values) {
        Integer[] indices = new Integer[values.length];
        Arrays.setAll(indices, i -> i);
        Arrays.sort(indices, Comparator.comparingDouble(i -> values[i]));
        double[][] sortedPoints = new double[simplex.length][];
        double[] sortedValues = new double[values.length];
        for (int i = 0; i < indices.length; i++) {
            sortedPoints[i] = simplex[indices[i]];
            sortedValues[i] = values[indices[i]];
        }
        System.arraycopy(sortedPoints, 0, simplex, 0, simplex.length);
        System.arraycopy(sortedValues, 0, values, 0, values.length);
    }
}
