package com.tierdesk.tiering.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How scores become tiers (SPEC §2). Tiers are listed best first, each with the lowest score that
 * reaches it (half-open intervals: VIP ≥ 90, Key ≥ 70 and < 90, ...; the last tier takes the rest)
 * and its share of the population for quota grading. Quotas apply to populations of at least
 * {@code minimumPopulationForQuotas}; smaller ones fall back to thresholds. A tie is never split: a
 * group of equal scores goes to the tier in which its first (best-ranked) member falls.
 */
public record TierPolicy(List<TierRule> tiers, Grading grading, int minimumPopulationForQuotas,
        int churnDays, double downgradeMargin) {

    public enum Grading { THRESHOLDS, QUOTAS }

    /** A tier with its score threshold and its quota share (percent). */
    public record TierRule(String code, double minimumScore, double quotaPercent) {
    }

    public TierPolicy {
        tiers = List.copyOf(tiers);
    }

    /** The shipped default: VIP ≥ 90, Key ≥ 70, Regular ≥ 50, Watch below; quotas 10/20/50/20; 90 days; margin 2. */
    public static TierPolicy standard(Grading grading) {
        return new TierPolicy(List.of(new TierRule("VIP", 90, 10), new TierRule("KEY", 70, 20),
                new TierRule("REGULAR", 50, 50), new TierRule("WATCH", 0, 20)), grading, 100, 90, 2);
    }

    public List<ModelProblem> problems() {
        List<ModelProblem> problems = new ArrayList<>();
        if (tiers.size() < 2) {
            problems.add(new ModelProblem("tiers", "needs at least two tiers"));
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (!(tiers.get(i).minimumScore() < tiers.get(i - 1).minimumScore())) {
                problems.add(new ModelProblem("tiers[" + i + "].minimumScore",
                        "thresholds must fall from the best tier to the last"));
            }
        }
        double quotas = tiers.stream().mapToDouble(TierRule::quotaPercent).sum();
        if (grading == Grading.QUOTAS && Math.abs(quotas - 100) > 1e-6) {
            problems.add(new ModelProblem("tiers", "quota shares sum to " + quotas + "%, not 100%"));
        }
        return problems;
    }

    /** The tier index (0 = best) each score reaches, before hard rules and hysteresis. */
    public int[] grade(double[] scores) {
        if (grading == Grading.QUOTAS && scores.length >= minimumPopulationForQuotas) {
            return byQuotas(scores);
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

    private int[] byQuotas(double[] scores) {
        Integer[] ranked = new Integer[scores.length];
        Arrays.setAll(ranked, i -> i);
        Arrays.sort(ranked, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] upperRank = new double[tiers.size()];
        double cumulative = 0;
        for (int t = 0; t < tiers.size(); t++) {
            cumulative += tiers.get(t).quotaPercent();
            upperRank[t] = cumulative / 100 * scores.length;
        }
        int[] tierOf = new int[scores.length];
        int tier = 0;
        for (int position = 0; position < ranked.length; position++) {
            boolean tiedWithPrevious = position > 0 && scores[ranked[position]] == scores[ranked[position - 1]];
            if (!tiedWithPrevious) {
                while (tier < tiers.size() - 1 && position >= Math.round(upperRank[tier])) {
                    tier++;
                }
            }
            tierOf[ranked[position]] = tier;
        }
        return tierOf;
    }
}
