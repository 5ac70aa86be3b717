package com.tierdesk.tiering.internal;

import com.tierdesk.tiering.AssessmentRun.PurchaseModel;
import com.tierdesk.tiering.MoveCause;
import com.tierdesk.tiering.RunSummary;
import com.tierdesk.tiering.scoring.Metric;
import com.tierdesk.tiering.scoring.Regrading;
import com.tierdesk.tiering.scoring.ScoringModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Why customers move in a run (docs/tiering.md, Moves and their causes). Each customer whose tier differs from the
 * published one is graded again with their new figures against the population of the last published run (its
 * distributions, quota floors and purchase-model fit, {@link Regrading}): the published tier again means the other
 * customers moved them. Then the figures of the runs that gave the published tiers ({@link PreviousFigures}, read
 * once from their stored results while the population is scored) count the customers whose figures changed and name,
 * for each moved customer, the indicators whose own figures changed their points most. Work per moved customer, and
 * one read of the previous results: no population is scored again.
 */
final class MoveAnalysis {

    /**
     * The last published run's population, as the run kept it.
     *
     * @param run      the run's id
     * @param grading  its distributions, floors and size
     * @param purchase its BG/NBD fit, {@code null} without one
     */
    record Baseline(long run, Regrading.Baseline grading, PurchaseModel purchase) {
    }

    /** A run whose stored results hold previous figures: its id and the metrics its raw values are, in order. */
    record PreviousRun(long id, List<String> metrics) {
    }

    /** The customers of the population, in ascending id order, with their new figures and their published state. */
    record Figures(long[] customerIds, double[][] values, RepeatBuying[] buying, int[] previousTiers,
            boolean[] previousPending, double[] previousScores, long[] previousRuns, long[] daysWithoutPaidOrder) {
    }

    /** Both the results' columns and the summary's counts. */
    record Outcome(RunResults.Moves moves, RunSummary.Moves counts) {
    }

    /** The stored figures of a run, chunk by chunk in customer order. */
    interface StoredFigures {
        void forEach(long run, java.util.function.Consumer<ResultChunk.Figures> consumer);
    }

    /**
     * The raw values the customers of the population had in the runs that gave their published tiers, by population
     * index in this run's metric order, read from those runs' stored results (in customer order, as the population is).
     * Loaded while the population is scored: nothing in it depends on the scores.
     */
    static final class PreviousFigures {

        private final double[][] values;
        private final boolean[] found;
        private final Map<Long, boolean[]> storedMetrics = new LinkedHashMap<>();

        private PreviousFigures(int metrics, int size) {
            values = new double[metrics][size];
            found = new boolean[size];
        }

        /**
         * @param customerIds  the population's ids, ascending
         * @param previousRuns for each customer the run that gave the published tier (-1: none)
         */
        static PreviousFigures load(List<Metric> metrics, long[] customerIds, long[] previousRuns,
                Map<Long, PreviousRun> runs, StoredFigures stored) {
            var previous = new PreviousFigures(metrics.size(), customerIds.length);
            TreeSet<Long> used = new TreeSet<>();
            for (long run : previousRuns) {
                if (run >= 0 && runs.containsKey(run)) {
                    used.add(run);
                }
            }
            for (long run : used) {
                List<String> keys = runs.get(run).metrics();
                int[] at = metrics.stream().mapToInt(metric -> keys.indexOf(metric.key())).toArray();
                boolean[] kept = new boolean[at.length];
                for (int k = 0; k < at.length; k++) {
                    kept[k] = at[k] >= 0;
                }
                previous.storedMetrics.put(run, kept);
                // both in ascending customer order: one merging pass finds each stored customer in the population
                int[] next = {0};
                stored.forEach(run, chunk -> {
                    for (int j = 0; j < chunk.size(); j++) {
                        long id = chunk.customerIds()[j];
                        int i = next[0];
                        while (i < customerIds.length && customerIds[i] < id) {
                            i++;
                        }
                        next[0] = i;
                        if (i < customerIds.length && customerIds[i] == id && previousRuns[i] == run) {
                            previous.found[i] = true;
                            for (int k = 0; k < at.length; k++) {
                                previous.values[k][i] = at[k] < 0 ? Double.NaN : chunk.rawValues()[at[k]][j];
                            }
                        }
                    }
                });
            }
            return previous;
        }

        /** Whether the customer's previous figures were found in the stored results. */
        boolean found(int customer) {
            return found[customer];
        }

        /** Which of this run's metrics the run that gave the customer's published tier kept. */
        boolean[] kept(long run) {
            return storedMetrics.get(run);
        }

        double value(int metric, int customer) {
            return values[metric][customer];
        }
    }

    private MoveAnalysis() {
    }

    static Outcome analyse(ScoringModel model, List<Metric> metrics, Figures population, int[] tiers, int[] assessed,
            Baseline baseline, PreviousFigures previousFigures) {
        int size = population.customerIds().length;
        RunResults.Moves moves = RunResults.Moves.none(size);
        System.arraycopy(population.previousScores(), 0, moves.previousScores(), 0, size);
        System.arraycopy(population.previousRuns(), 0, moves.previousRuns(), 0, size);
        boolean[] moved = new boolean[size];
        for (int i : assessed) {
            int previous = population.previousTiers()[i];
            moved[i] = previous >= 0 && tiers[i] != previous;
        }
        boolean gradable = baseline != null && baseline.grading().covers(model);
        Regrading.Weights weights = model.ruleBased() ? null : new Regrading.Weights(model, metrics);
        Map<String, Long> upgrades = new LinkedHashMap<>();
        Map<String, Long> downgrades = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (!moved[i] || !gradable) {
                continue;
            }
            int previous = population.previousTiers()[i];
            int regraded = Regrading.tier(model, weights, metrics, regradedValues(metrics, population, i, baseline),
                    baseline.grading(), previous, population.previousPending()[i], population.daysWithoutPaidOrder()[i]);
            MoveCause cause = regraded == previous ? MoveCause.POPULATION : MoveCause.OWN_FIGURES;
            moves.causes()[i] = (byte) (cause.ordinal() + 1);
            (tiers[i] < previous ? upgrades : downgrades).merge(cause.name(), 1L, Long::sum);
        }
        long added = 0;
        for (int previous : population.previousTiers()) {
            added += previous < 0 ? 1 : 0;
        }
        long changed = compareWithPreviousFigures(model, weights, metrics, population, moved, baseline, previousFigures,
                moves);
        return new Outcome(moves, new RunSummary.Moves(baseline == null ? null : baseline.run(), upgrades, downgrades, added,
                changed));
    }

    /** The customer's figures with the purchase-model metrics worked out by the baseline's fit instead of this run's. */
    private static double[] regradedValues(List<Metric> metrics, Figures population, int i, Baseline baseline) {
        double[] raw = new double[metrics.size()];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = population.values()[k][i];
        }
        int probability = metrics.indexOf(Metric.PURCHASE_PROBABILITY);
        int expected = metrics.indexOf(Metric.EXPECTED_PURCHASES);
        if (probability < 0 && expected < 0) {
            return raw;
        }
        RepeatBuying buying = population.buying() == null ? null : population.buying()[i];
        PurchaseModel fit = baseline.purchase();
        BgNbd previousFit = fit == null || buying == null ? null : new BgNbd(fit.r(), fit.alpha(), fit.a(), fit.b());
        if (probability >= 0) {
            raw[probability] = previousFit == null ? Double.NaN : previousFit.probabilityAlive(buying);
        }
        if (expected >= 0) {
            raw[expected] = previousFit == null ? Double.NaN
                    : previousFit.expectedPurchases(buying, PurchaseProbability.WEEKS_AHEAD);
        }
        return raw;
    }

    /**
     * Counts the customers whose own figures differ from those of the run that gave their published tier (the
     * purchase-model metrics, which follow the population's fit, left out), and for each moved customer keeps the
     * indicators whose change of figures moved their points most.
     */
    private static long compareWithPreviousFigures(ScoringModel model, Regrading.Weights weights, List<Metric> metrics,
            Figures population, boolean[] moved, Baseline baseline, PreviousFigures previous, RunResults.Moves moves) {
        boolean[] fitted = new boolean[metrics.size()];
        for (int k = 0; k < fitted.length; k++) {
            fitted[k] = metrics.get(k).needsPurchaseModel();
        }
        long changed = 0;
        for (int i = 0; i < population.customerIds().length; i++) {
            if (!previous.found(i)) {
                continue;
            }
            boolean[] kept = previous.kept(population.previousRuns()[i]);
            boolean differs = false;
            for (int k = 0; k < kept.length && !differs; k++) {
                differs = kept[k] && !fitted[k] && Double.compare(previous.value(k, i), population.values()[k][i]) != 0;
            }
            changed += differs ? 1 : 0;
            if (moved[i]) {
                double[] before = new double[kept.length];
                for (int k = 0; k < kept.length; k++) {
                    before[k] = previous.value(k, i);
                }
                name(model, weights, metrics, before, population, i, baseline, moves);
            }
        }
        return changed;
    }

    /**
     * The metrics whose own figures changed, by how many points the change alone is worth against the baseline's
     * population (by the relative change of the figure where points cannot be told: rules, or no baseline).
     */
    private static void name(ScoringModel model, Regrading.Weights weights, List<Metric> metrics, double[] before,
            Figures population, int i, Baseline baseline, RunResults.Moves moves) {
        double[] now = baseline == null ? column(population, i) : regradedValues(metrics, population, i, baseline);
        boolean points = !model.ruleBased() && baseline != null && baseline.grading().covers(model);
        double[] pointsChange = new double[metrics.size()];
        if (points) {
            double[] pointsNow = weights.contributions(now, baseline.grading().ranks());
            double[] pointsBefore = weights.contributions(before, baseline.grading().ranks());
            for (int c = 0; c < pointsNow.length; c++) {
                pointsChange[weights.metricOf(c)] += pointsNow[c] - pointsBefore[c];
            }
        }
        double[] effect = new double[metrics.size()];
        Integer[] order = new Integer[metrics.size()];
        for (int k = 0; k < metrics.size(); k++) {
            order[k] = k;
            if (Double.compare(before[k], now[k]) == 0) {
                continue;
            }
            effect[k] = points ? Math.abs(pointsChange[k])
                    : Double.isNaN(before[k]) || Double.isNaN(now[k]) ? 1
                    : Math.abs(now[k] - before[k]) / Math.max(1, Math.abs(before[k]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(effect[y], effect[x]));
        for (int n = 0, named = 0; n < order.length && named < RunResults.Moves.NAMED; n++) {
            if (effect[order[n]] > 0) {
                moves.ownChanges()[named++][i] = (byte) order[n].intValue();
            }
        }
    }

    private static double[] column(Figures population, int i) {
        double[] raw = new double[population.values().length];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = population.values()[k][i];
        }
        return raw;
    }
}
