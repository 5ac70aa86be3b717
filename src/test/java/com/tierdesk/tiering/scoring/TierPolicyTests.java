package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.tierdesk.tiering.scoring.TierPolicy.Grading;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TierPolicyTests {

    private static final TierPolicy THRESHOLDS = TierPolicy.standard(Grading.THRESHOLDS);
    private static final TierPolicy QUOTAS = TierPolicy.standard(Grading.QUOTAS);
    private static final int VIP = 0;
    private static final int KEY = 1;
    private static final int REGULAR = 2;
    private static final int WATCH = 3;

    @Test
    void thresholdsAreHalfOpenIntervals() {
        assertThat(THRESHOLDS.grade(new double[] {100, 90, 89.999, 70, 69.99, 50, 49.99, 0}))
                .containsExactly(VIP, VIP, KEY, KEY, REGULAR, REGULAR, WATCH, WATCH);
        assertThat(THRESHOLDS.problems()).isEmpty();
    }

    @Test
    void quotasGiveTheRequestedSharesOfDistinctScores() {
        double[] scores = new SplittableRandom(7).doubles(1_000, 0, 100).toArray();

        int[] tiers = QUOTAS.grade(scores);

        assertThat(count(tiers, VIP)).isEqualTo(100);
        assertThat(count(tiers, KEY)).isEqualTo(200);
        assertThat(count(tiers, REGULAR)).isEqualTo(500);
        assertThat(count(tiers, WATCH)).isEqualTo(200);
    }

    @Test
    void quotaBoundariesNeverSplitATieAndSharesHoldUpToTies() {
        qt().withExamples(200).forAll(lists().of(integers().between(0, 20)).ofSizeBetween(100, 400)).checkAssert(values -> {
            double[] scores = values.stream().mapToDouble(Integer::doubleValue).toArray();
            int[] tiers = QUOTAS.grade(scores);
            for (int i = 0; i < scores.length; i++) {
                for (int j = 0; j < scores.length; j++) {
                    if (scores[i] == scores[j]) {
                        assertThat(tiers[i]).isEqualTo(tiers[j]);
                    }
                    if (scores[i] > scores[j]) {
                        assertThat(tiers[i]).isLessThanOrEqualTo(tiers[j]);
                    }
                }
            }
            int largestTie = values.stream().mapToInt(v -> (int) values.stream().filter(v::equals).count()).max().orElse(0);
            assertThat(count(tiers, VIP)).isBetween(0, (int) Math.round(0.1 * scores.length) + largestTie);
        });
    }

    @Test
    void populationsUnderAHundredFallBackToThresholds() {
        double[] scores = new double[99];
        Arrays.fill(scores, 95);

        assertThat(QUOTAS.grade(scores)).containsOnly(VIP);
    }

    @Test
    void noPaidOrderForNinetyDaysMeansWatch() {
        TierDecision decision = TierDecision.decide(THRESHOLDS, VIP, 95, VIP, false, 91);

        assertThat(decision.tier()).isEqualTo(WATCH);
        assertThat(decision.rule()).isEqualTo("no paid order for 91 days (more than 90) → WATCH");
        assertThat(TierDecision.decide(THRESHOLDS, VIP, 95, VIP, false, 90).tier()).isEqualTo(VIP);
    }

    @Test
    void hysteresisHoldsASmallDropForOneRun() {
        TierDecision firstRun = TierDecision.decide(THRESHOLDS, KEY, 88.5, VIP, false, 10);
        TierDecision secondRun = TierDecision.decide(THRESHOLDS, KEY, 88.5, VIP, firstRun.downgradePending(), 10);
        TierDecision deepDrop = TierDecision.decide(THRESHOLDS, KEY, 87.9, VIP, false, 10);
        TierDecision upgrade = TierDecision.decide(THRESHOLDS, VIP, 91, KEY, false, 10);

        assertThat(firstRun).isEqualTo(new TierDecision(VIP, "score 88.5 reaches KEY, but stays VIP: first run below it, within the hysteresis", true));
        assertThat(secondRun).isEqualTo(new TierDecision(KEY, "score 88.5 reaches KEY; below VIP in two consecutive runs", false));
        assertThat(deepDrop).isEqualTo(new TierDecision(KEY, "score 87.9 reaches KEY; below the VIP threshold 90 by more than 2 points", false));
        assertThat(upgrade).isEqualTo(new TierDecision(VIP, "score 91 reaches VIP", false));
    }

    @Test
    void refusesThresholdsThatDoNotFallAndQuotasThatDoNotAddUp() {
        var bad = new TierPolicy(List.of(new TierPolicy.TierRule("A", 50, 30), new TierPolicy.TierRule("B", 60, 30)),
                Grading.QUOTAS, 100, 90, 2);

        assertThat(bad.problems()).extracting(ModelProblem::reason).containsExactly(
                "thresholds must fall from the best tier to the last", "quota shares sum to 60.0%, not 100%");
    }

    private static int count(int[] tiers, int tier) {
        return (int) Arrays.stream(tiers).filter(t -> t == tier).count();
    }
}
