package com.tierdesk.tiering.scoring;

import com.tierdesk.shared.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How scores become tiers (docs/tiering.md). Tiers are listed best first, each with the lowest score that
 * reaches it (half-open intervals: VIP ≥ 90, Key ≥ 70 and < 90, ...; the last tier takes the rest)
 * and its share of the population for quota grading. Quotas apply to populations of at least
 * {@code minimumPopulationForQuotas}; smaller ones fall back to thresholds. A tie is never split: a
 * group of equal scores goes to the tier in which its first (best-ranked) member falls. A rule-based model
 * grades with {@link GradingRules} instead. Whatever the grading, a customer without a paid order for more
 * than {@code churnDays} goes to the last tier, and a downgrade waits for a drop of more than
 * {@code downgradeMargin} points below the tier's threshold or for a second run in a row below it.
 */
public record TierPolicy(List<TierRule> tiers, Grading grading, int minimumPopulationForQuotas,
        int churnDays, double downgradeMargin) {

    public enum Grading { THRESHOLDS, QUOTAS, RULES }

    /**
     * A tier with its score threshold and its quota share (percent); neither counts for rule-based grading, and
     * either may be left out (0) where the grading does not use it.
     */
    public record TierRule(String code, Double minimumScore, Double quotaPercent) {

        public TierRule {
            minimumScore = minimumScore == null ? 0 : minimumScore;
            quotaPercent = quotaPercent == null ? 0 : quotaPercent;
        }

        public TierRule(String code, double minimumScore, double quotaPercent) {
            this(code, Double.valueOf(minimumScore), Double.valueOf(quotaPercent));
        }
    }

    public TierPolicy {
        tiers = Definitions.copy(tiers);
    }

    /** The shipped default: VIP ≥ 90, Key ≥ 70, Regular ≥ 50, Watch below; quotas 10/20/50/20; 90 days; margin 2. */
    public static TierPolicy standard(Grading grading) {
        return new TierPolicy(List.of(new TierRule("VIP", 90, 10), new TierRule("KEY", 70, 20),
                new TierRule("REGULAR", 50, 50), new TierRule("WATCH", 0, 20)), grading, 100, 90, 2);
    }

    public List<String> codes() {
        return tiers.stream().map(TierRule::code).toList();
    }

    public int indexOf(String code) {
        return codes().indexOf(code);
    }

    /** Problems with the policy against the tier ladder (best first); empty when it is valid. */
    public List<FieldProblem> problems(List<String> ladder) {
        List<FieldProblem> problems = new ArrayList<>();
        if (grading == null) {
            problems.add(FieldProblem.of("tierPolicy.grading", "problem.model.grading"));
            return problems;
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i) == null) {
                problems.add(FieldProblem.of("tierPolicy.tiers[" + i + "]", "problem.required"));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!codes().equals(ladder)) {
            problems.add(tiers.size() > ladder.size()
                    ? FieldProblem.of("tierPolicy.tiers", "problem.model.ladder-count", ladder, tiers.size())
                    : FieldProblem.of("tierPolicy.tiers", "problem.model.ladder", ladder, Definitions.quote(codes())));
        }
        if (tiers.size() > ladder.size()) {
            return problems;
        }
        if (grading != Grading.RULES) {
            for (int i = 0; i < tiers.size(); i++) {
                double minimum = tiers.get(i).minimumScore();
                if (!(minimum >= 0 && minimum <= 100)) {
                    problems.add(FieldProblem.of("tierPolicy.tiers[" + i + "].minimumScore", "problem.percent"));
                } else if (i > 0 && !(minimum < tiers.get(i - 1).minimumScore())) {
                    problems.add(FieldProblem.of("tierPolicy.tiers[" + i + "].minimumScore", "problem.model.thresholds-fall"));
                }
            }
        }
        if (grading == Grading.QUOTAS) {
            boolean shares = true;
            for (int i = 0; i < tiers.size(); i++) {
                double quota = tiers.get(i).quotaPercent();
                if (!(quota >= 0 && quota <= 100)) {
                    problems.add(FieldProblem.of("tierPolicy.tiers[" + i + "].quotaPercent", "problem.percent"));
                    shares = false;
                }
            }
            double quotas = tiers.stream().mapToDouble(TierRule::quotaPercent).sum();
            if (shares && Math.abs(quotas - 100) > 1e-6) {
                problems.add(FieldProblem.of("tierPolicy.tiers", "problem.model.quotas-sum", Numbers.plain(quotas)));
            }
        }
        if (minimumPopulationForQuotas < 1) {
            problems.add(FieldProblem.of("tierPolicy.minimumPopulationForQuotas", "problem.at-least-one"));
        }
        if (churnDays < 1) {
            problems.add(FieldProblem.of("tierPolicy.churnDays", "problem.at-least-one"));
        }
        if (!(downgradeMargin >= 0 && downgradeMargin <= 100)) {
            problems.add(FieldProblem.of("tierPolicy.downgradeMargin", "problem.percent"));
        }
        return problems;
    }

    /** Whether these scores are graded by quotas (quota grading and a large enough population). */
    public boolean byQuotas(int population) {
        return grading == Grading.QUOTAS && population >= minimumPopulationForQuotas;
    }

    /** The tier index (0 = best) each score reaches, before hard rules and hysteresis. */
    public int[] grade(double[] scores) {
        if (byQuotas(scores.length)) {
            return byRanks(ranks(scores));
        }
        int[] tierOf = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            tierOf[i] = byThreshold(scores[i]);
        }
        return tierOf;
    }

    public int byThreshold(double score) {
        for (int t = 0; t < tiers.size() - 1; t++) {
            if (score >= tiers.get(t).minimumScore()) {
                return t;
            }
        }
        return tiers.size() - 1;
    }

    /**
     * The lowest score each tier took in this grading: the threshold itself, or under quotas the score at the
     * quota boundary; {@code NaN} for a tier nobody reached (and for the last tier, which has no floor).
     */
    public double[] floors(double[] scores, int[] graded) {
        double[] floors = new double[tiers.size()];
        if (!byQuotas(scores.length)) {
            for (int t = 0; t < tiers.size(); t++) {
                floors[t] = t == tiers.size() - 1 ? Double.NaN : tiers.get(t).minimumScore();
            }
            return floors;
        }
        Arrays.fill(floors, Double.POSITIVE_INFINITY);
        for (int i = 0; i < scores.length; i++) {
            floors[graded[i]] = Math.min(floors[graded[i]], scores[i]);
        }
        for (int t = 0; t < floors.length; t++) {
            if (floors[t] == Double.POSITIVE_INFINITY || t == floors.length - 1) {
                floors[t] = Double.NaN;
            }
        }
        return floors;
    }

    /** Each score's rank, best first: 1 + the number of higher scores, so that equal scores share a rank. */
    public static int[] ranks(double[] scores) {
        double[] ascending = scores.clone();
        Arrays.sort(ascending);
        int[] ranks = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            ranks[i] = scores.length - upperBound(ascending, scores[i]) + 1;
        }
        return ranks;
    }

    /**
     * The tier of each rank under the quotas: the first tier whose cumulative quota (rounded to whole customers)
     * lies beyond the number of better scores, so that a tie is never split.
     */
    public int[] byRanks(int[] ranks) {
        long[] boundary = new long[tiers.size()];
        double cumulative = 0;
        for (int t = 0; t < tiers.size(); t++) {
            cumulative += tiers.get(t).quotaPercent();
            boundary[t] = Math.round(cumulative / 100 * ranks.length);
        }
        int[] tierOf = new int[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            long above = ranks[i] - 1L;
            int tier = 0;
            while (tier < tiers.size() - 1 && above >= boundary[tier]) {
                tier++;
            }
            tierOf[i] = tier;
        }
        return tierOf;
    }

    /** The number of values less than or equal to {@code value} in the ascending array. */
    private static int upperBound(double[] ascending, double value) {
        int low = 0;
        int high = ascending.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
