package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.tierdesk.shared.FieldProblem;
import com.tierdesk.tiering.scoring.TierDecision.Reason;
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
        assertThat(THRESHOLDS.problems(List.of("VIP", "KEY", "REGULAR", "WATCH"))).isEmpty();
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
        TierDecision decision = TierDecision.decide(THRESHOLDS, VIP, 95, 90, VIP, false, 90);

        assertThat(decision).isEqualTo(new TierDecision(WATCH, Reason.CHURN, false));
        assertThat(TierDecision.decide(THRESHOLDS, VIP, 95, 90, VIP, false, 89).tier()).isEqualTo(VIP);
    }

    @Test
    void hysteresisHoldsASmallDropForOneRun() {
        TierDecision firstRun = TierDecision.decide(THRESHOLDS, KEY, 88.5, 90, VIP, false, 10);
        TierDecision secondRun = TierDecision.decide(THRESHOLDS, KEY, 88.5, 90, VIP, firstRun.downgradePending(), 10);
        TierDecision deepDrop = TierDecision.decide(THRESHOLDS, KEY, 87.9, 90, VIP, false, 10);
        TierDecision upgrade = TierDecision.decide(THRESHOLDS, VIP, 91, 70, KEY, false, 10);
        TierDecision newcomer = TierDecision.decide(THRESHOLDS, WATCH, 12, Double.NaN, null, false, 10);

        assertThat(firstRun).isEqualTo(new TierDecision(VIP, Reason.HELD, true));
        assertThat(secondRun).isEqualTo(new TierDecision(KEY, Reason.DOWNGRADED_TWICE, false));
        assertThat(deepDrop).isEqualTo(new TierDecision(KEY, Reason.DOWNGRADED_BEYOND_MARGIN, false));
        assertThat(upgrade).isEqualTo(new TierDecision(VIP, Reason.GRADED, false));
        assertThat(newcomer).isEqualTo(new TierDecision(WATCH, Reason.GRADED, false));
    }

    @Test
    void quotaFloorsAreTheLowestScoreEachTierTook() {
        double[] scores = new SplittableRandom(3).doubles(1_000, 0, 100).toArray();
        int[] graded = QUOTAS.grade(scores);

        double[] floors = QUOTAS.floors(scores, graded);

        double lowestVip = Arrays.stream(scores).sorted().skip(900).findFirst().orElseThrow();
        assertThat(floors[VIP]).isEqualTo(lowestVip);
        assertThat(floors[WATCH]).isNaN();
        assertThat(THRESHOLDS.floors(scores, THRESHOLDS.grade(scores))).containsExactly(90, 70, 50, Double.NaN);
    }

    @Test
    void refusesThresholdsThatDoNotFallAndQuotasThatDoNotAddUp() {
        var bad = new TierPolicy(List.of(new TierPolicy.TierRule("A", 50, 30), new TierPolicy.TierRule("B", 60, 30)),
                Grading.QUOTAS, 100, 0, 2);

        assertThat(bad.problems(List.of("A", "B"))).extracting(FieldProblem::field, problem -> problem.reason().toString()).containsExactly(
                tuple("tierPolicy.tiers[1].minimumScore", "thresholds must fall from the best tier to the last"),
                tuple("tierPolicy.tiers", "quota shares sum to 60%, not 100%"),
                tuple("tierPolicy.churnDays", "must be at least 1"));
        assertThat(bad.problems(List.of("A", "B", "C"))).extracting(FieldProblem::field).contains("tierPolicy.tiers");
    }

    private static int count(int[] tiers, int tier) {
        return (int) Arrays.stream(tiers).filter(t -> t == tier).count();
    }
}
