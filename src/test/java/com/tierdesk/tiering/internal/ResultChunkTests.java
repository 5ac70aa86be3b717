package com.tierdesk.tiering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's results survive being stored as a chunk, and chunks stored before reasons had figures still read. */
class ResultChunkTests {

    @Test
    void keepsEveryColumnWithTheReasonsFigures() {
        var results = new RunResults(7, List.of("VIP", "KEY", "REGULAR", "WATCH"), new long[] {11, 12, 13},
                new double[] {91.5, 40, Double.NaN}, new int[] {0, 3, 3}, new int[] {0, 3, 1}, new byte[] {0, 4, 1},
                new int[] {-1, -1, 2}, new boolean[] {false, false, true}, new int[] {-1, 1, 1},
                new boolean[] {false, true, false}, new long[] {3, 120, 5_000_000_000L}, new int[] {1, 2, 2},
                new double[][] {{9_000, 10, Double.NaN}}, new double[][] {{97.5, 12, 50}}, new int[] {0, 1, 2});

        ResultChunk chunk = ResultChunk.decode(ResultChunk.encode(results, new int[] {0, 1, 2}, 0, 3));

        assertThat(chunk.customerIds()).containsExactly(11, 12, 13);
        assertThat(chunk.scores()).containsExactly(91.5, 40, Double.NaN);
        assertThat(chunk.tiers()).containsExactly(0, 3, 1);
        assertThat(chunk.reasons()).containsExactly(0, 4, 1);
        assertThat(chunk.gradingRules()).containsExactly((short) -1, (short) -1, (short) 2);
        assertThat(chunk.pending(2)).isTrue();
        assertThat(chunk.previouslyPending(1)).isTrue();
        assertThat(chunk.daysWithoutPaidOrder()).as("capped to what a column holds").containsExactly(3, 120, Integer.MAX_VALUE);
        assertThat(chunk.ranks()).containsExactly(1, 2, 2);
        assertThat(chunk.rawValuesOf(0)).containsExactly(9_000);
        assertThat(chunk.indicatorScoresOf(2)).containsExactly(50);
    }

    @Test
    void keepsThePreviousScoreTheCauseOfAMoveAndTheFiguresNamed() {
        var moves = RunResults.Moves.none(2);
        moves.previousScores()[1] = 93.25;
        moves.previousRuns()[1] = 5;
        moves.causes()[1] = 2;
        moves.ownChanges()[0][1] = 0;
        var results = new RunResults(7, List.of("VIP", "KEY"), new long[] {11, 12}, new double[] {91.5, 40},
                new int[] {0, 1}, new int[] {0, 1}, new byte[2], new int[] {-1, -1}, new boolean[2], new int[] {-1, 0},
                new boolean[2], new long[] {3, 4}, null, new double[][] {{9_000, 10}}, new double[0][], new int[] {0, 1})
                .withMoves(moves);

        ResultChunk chunk = ResultChunk.decode(ResultChunk.encode(results, new int[] {0, 1}, 0, 2));

        assertThat(chunk.moves().previousScores()).containsExactly(Double.NaN, 93.25);
        assertThat(chunk.moves().previousRuns()).containsExactly(-1, 5);
        assertThat(chunk.moves().causes()).containsExactly(0, 2);
        assertThat(chunk.moves().ownChanges()[0]).containsExactly(-1, 0);
        assertThat(chunk.moves().ownChanges()[1]).containsExactly(-1, -1);
    }

    @Test
    void readsChunksStoredBeforeTheReasonsFiguresWithThoseUnknown() {
        ResultChunk chunk = ResultChunk.decode(formatOne(new long[] {21, 22}, new double[] {12.5, 80}, new byte[] {4, 0}));

        assertThat(chunk.customerIds()).containsExactly(21, 22);
        assertThat(chunk.reasons()).containsExactly(4, 0);
        assertThat(chunk.daysWithoutPaidOrder()).containsExactly(-1, -1);
        assertThat(chunk.ranks()).containsExactly(0, 0);
        assertThat(chunk.rawValuesOf(1)).containsExactly(180);
        assertThat(chunk.moves().causes()).as("no move told").containsExactly(0, 0);
        assertThat(chunk.moves().previousScores()).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void theCustomersAndTheirRawValuesReadAloneInEveryFormat() {
        var results = new RunResults(7, List.of("VIP", "KEY"), new long[] {11, 12, 13}, new double[] {91.5, 40, 7},
                new int[] {0, 1, 1}, new int[] {0, 1, 1}, new byte[3], new int[] {-1, -1, -1}, new boolean[3],
                new int[] {-1, 0, 1}, new boolean[3], new long[] {3, 4, 5}, null,
                new double[][] {{9_000, 10, Double.NaN}, {1, 2, 3}}, new double[][] {{0.5, 0.25, 0.75}}, new int[] {0, 1, 2});

        ResultChunk.Figures figures = ResultChunk.decodeFigures(ResultChunk.encode(results, new int[] {0, 1, 2}, 0, 3));
        ResultChunk.Figures older = ResultChunk.decodeFigures(formatOne(new long[] {21, 22}, new double[] {12.5, 80},
                new byte[] {4, 0}));

        assertThat(figures.customerIds()).containsExactly(11, 12, 13);
        assertThat(figures.rawValues()[0]).containsExactly(9_000, 10, Double.NaN);
        assertThat(figures.rawValues()[1]).containsExactly(1, 2, 3);
        assertThat(older.customerIds()).containsExactly(21, 22);
        assertThat(older.rawValues()[0]).containsExactly(90, 180);
    }

    /** A chunk as format 1 wrote it: no days without a paid order and no ranks; one metric, no ranked indicator. */
    private static byte[] formatOne(long[] ids, double[] scores, byte[] reasons) {
        int n = ids.length;
        ByteBuffer bytes = ByteBuffer.allocate(16 + n * (8 + 8 + 4 + 2 + 1 + 8));
        bytes.putInt(1).putInt(n).putInt(1).putInt(0);
        for (long id : ids) {
            bytes.putLong(id);
        }
        for (double score : scores) {
            bytes.putDouble(score);
        }
        for (int column = 0; column < 3; column++) {
            for (int i = 0; i < n; i++) {
                bytes.put((byte) 3);
            }
        }
        bytes.put(reasons);
        for (int i = 0; i < n; i++) {
            bytes.putShort((short) -1);
        }
        bytes.put(new byte[n]);
        for (int i = 0; i < n; i++) {
            bytes.putDouble(90 + 90 * i);
        }
        return bytes.array();
    }
}
