package com.tierdesk.tiering.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationTests {

    /** Values as runs meet them: many ties (counts, zero spend), missing ones, both zeros, negatives, extremes. */
    private static double[] values(long seed, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
                -Double.MIN_VALUE, Double.MIN_VALUE, 1e-300, -1e300};
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = switch (random.nextInt(4)) {
                case 0 -> special[random.nextInt(special.length)];
                case 1 -> random.nextInt(20);
                case 2 -> Math.round(random.nextDouble(-1e6, 1e7) * 100) / 100.0;
                default -> random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-20, 20));
            };
        }
        return values;
    }

    @Test
    void rankingAllValuesAtOnceGivesEachValueTheRankItsSearchGives() {
        qt().withExamples(200).forAll(longs().all(), integers().between(0, 3_000)).checkAssert((seed, size) -> {
            double[] values = values(seed, size);
            Population.Ranked ranked = Population.ranked(values);
            Population searched = Population.of(values);

            assertThat(ranked.population().distinct()).containsExactly(searched.distinct());
            assertThat(ranked.population().counts()).containsExactly(searched.counts());
            for (int i = 0; i < size; i++) {
                if (Double.isNaN(values[i])) {
                    assertThat(ranked.percentileRanks()[i]).isNaN();
                } else {
                    assertThat(ranked.percentileRanks()[i]).as("rank of %s", values[i])
                            .isEqualTo(searched.percentileRank(values[i]));
                }
            }
        });
    }

    @Test
    void aLargePopulationIsSortedOnEveryDigitOfTheKeys() {
        double[] values = values(42, 200_000);
        Population.Ranked ranked = Population.ranked(values);
        Population searched = Population.of(values);

        assertThat(ranked.population().distinct()).containsExactly(searched.distinct());
        for (int i = 0; i < values.length; i += 997) {
            if (!Double.isNaN(values[i])) {
                assertThat(ranked.percentileRanks()[i]).isEqualTo(searched.percentileRank(values[i]));
            }
        }
    }
}
