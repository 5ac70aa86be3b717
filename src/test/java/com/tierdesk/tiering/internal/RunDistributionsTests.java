package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.tiering.scoring.Population;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A run's distributions, as stored, rank any value exactly as the population they were taken from. */
class RunDistributionsTests {

    @Test
    void aStoredDistributionRanksEveryValueAsTheScorerDid() {
        Random random = new Random(12);
        double[] values = new double[5_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7 == 0 ? Double.NaN : i % 3 == 0 ? 0 : Math.round(random.nextGaussian() * 1_000) / 10.0;
        }
        Population scored = Population.of(values);

        Population stored = RunDistributions.decode(RunDistributions.encode(scored));

        assertThat(stored.size()).isEqualTo(scored.size());
        for (double value : new double[] {-1e9, -250.5, 0, 0.1, 12.3, 99.9, 1e9, values[1], values[2], values[5]}) {
            assertThat(stored.percentileRank(value)).as("rank of %s", value).isEqualTo(scored.percentileRank(value));
        }
    }
}
