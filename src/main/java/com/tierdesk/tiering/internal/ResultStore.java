package com.tierdesk.tiering.internal;

import com.tierdesk.tiering.MoveCause;
import com.tierdesk.tiering.ResultFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a run's stored results: one customer's by reading the chunk that holds them, and pages of results by
 * change and tier from the run's decoded columns, which are kept for the last few runs looked at (results of a
 * scored run never change).
 */
@Repository
public class ResultStore {

    private static final int RUNS_KEPT = 3;

    /**
     * One customer's stored result; tiers are codes, previous ones {@code null} for a customer new to tiers.
     * {@code daysWithoutPaidOrder} is -1 and {@code rank} 0 where they were not kept (in pages, and in results
     * stored before they were). {@code previousScore} is the published score ({@code null}: none), {@code previousRun}
     * the run that gave it (-1: none or not kept), {@code cause} 0 or 1 + a {@code MoveCause} ordinal, and
     * {@code ownChanges} the indices of the metrics whose own figures moved the customer most (empty in pages).
     */
    public record StoredResult(long customerId, Double score, String gradedTier, String tier, int reason, int gradingRule,
            boolean downgradePending, String previousTier, boolean previousPending, int daysWithoutPaidOrder, int rank,
            double[] rawValues, double[] indicatorScores, Double previousScore, long previousRun, int cause,
            int[] ownChanges) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Map<Long, RunColumns> recent = new LinkedHashMap<>(RUNS_KEPT + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunColumns> eldest) {
            return size() > RUNS_KEPT;
        }
    };

    ResultStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The customer's result in the run, decoded with the run's tier ladder (best first). */
    public Optional<StoredResult> of(long runId, long customerId, List<String> tiers) {
        return template.query(BinaryResults.statement("""
                        SELECT data FROM assessment_result_chunk
                         WHERE run_id = ? AND first_customer_id <= ? AND last_customer_id >= ?
                        """, 0, runId, customerId, customerId), (rs, row) -> rs.getBytes(1)).stream()
                .map(ResultChunk::decode)
                .filter(chunk -> chunk.indexOf(customerId) >= 0)
                .findFirst()
                .map(chunk -> {
                    int i = chunk.indexOf(customerId);
                    RunResults.Moves moves = chunk.moves();
                    int[] ownChanges = Arrays.stream(moves.ownChanges()).mapToInt(column -> column[i]).filter(k -> k >= 0)
                            .toArray();
                    return new StoredResult(customerId, score(chunk.scores()[i]),
                            code(tiers, chunk.graded()[i]), code(tiers, chunk.tiers()[i]), chunk.reasons()[i],
                            chunk.gradingRules()[i], chunk.pending(i), code(tiers, chunk.previousTiers()[i]),
                            chunk.previouslyPending(i), chunk.daysWithoutPaidOrder()[i], chunk.ranks()[i],
                            chunk.rawValuesOf(i), chunk.indicatorScoresOf(i), score(moves.previousScores()[i]),
                            moves.previousRuns()[i], moves.causes()[i], ownChanges);
                });
    }

    /**
     * A page of the run's results matching the filter (and tier, unless {@code null}, and the cause of the move,
     * unless {@code null}), best score first.
     */
    public List<StoredResult> page(long runId, List<String> tiers, ResultFilter filter, String tier, MoveCause cause,
            int offset, int limit) {
        RunColumns run = columns(runId);
        int tierIndex = tier == null ? -2 : tiers.indexOf(tier);
        List<StoredResult> page = new ArrayList<>();
        int skipped = 0;
        for (int position = 0; position < run.size() && page.size() < limit; position++) {
            int i = run.byScore[position];
            if (run.matches(i, filter, tierIndex, cause)) {
                if (skipped++ >= offset) {
                    page.add(new StoredResult(run.customerIds[i], score(run.scores[i]),
                            code(tiers, run.graded[i]), code(tiers, run.tiers[i]), run.reasons[i], -1, false,
                            code(tiers, run.previous[i]), false, -1, 0, null, null, score(run.previousScores[i]), -1,
                            run.causes[i], new int[0]));
                }
            }
        }
        return page;
    }

    public long count(long runId, List<String> tiers, ResultFilter filter, String tier, MoveCause cause) {
        RunColumns run = columns(runId);
        int tierIndex = tier == null ? -2 : tiers.indexOf(tier);
        long count = 0;
        for (int i = 0; i < run.size(); i++) {
            count += run.matches(i, filter, tierIndex, cause) ? 1 : 0;
        }
        return count;
    }

    /** A run's stored chunks, in customer order. */
    static final String CHUNKS_OF_RUN = "SELECT data FROM assessment_result_chunk WHERE run_id = ? ORDER BY chunk";
    /** Chunks fetched a round trip: about 5 MB with six metrics. */
    static final int CHUNKS_PER_FETCH = 16;

    /** Hands every stored chunk of the run to the consumer, in customer order. */
    void forEachChunk(long runId, Consumer<ResultChunk> consumer) {
        forEachData(runId, data -> consumer.accept(ResultChunk.decode(data)));
    }

    /**
     * Hands the customer ids and raw values of every stored chunk of the run to the consumer, in customer order. The
     * chunks are read whole: PostgreSQL reads part of a stored value more slowly than all of it.
     */
    void forEachFigures(long runId, Consumer<ResultChunk.Figures> consumer) {
        forEachData(runId, data -> consumer.accept(ResultChunk.decodeFigures(data)));
    }

    private void forEachData(long runId, Consumer<byte[]> consumer) {
        template.query(BinaryResults.statement(CHUNKS_OF_RUN, CHUNKS_PER_FETCH, runId),
                (RowCallbackHandler) rs -> consumer.accept(rs.getBytes(1)));
    }

    private RunColumns columns(long runId) {
        synchronized (recent) {
            RunColumns kept = recent.get(runId);
            if (kept != null) {
                return kept;
            }
        }
        RunColumns read = RunColumns.read(this, runId);
        synchronized (recent) {
            recent.put(runId, read);
        }
        return read;
    }

    private static Double score(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String code(List<String> tiers, byte index) {
        return index < 0 || index >= tiers.size() ? null : tiers.get(index);
    }

    /** The columns lists need, for every customer of a run, with the order of the best score first. */
    private static final class RunColumns {

        private long[] customerIds = new long[0];
        private double[] scores = new double[0];
        private byte[] graded = new byte[0];
        private byte[] tiers = new byte[0];
        private byte[] previous = new byte[0];
        private byte[] reasons = new byte[0];
        private double[] previousScores = new double[0];
        private byte[] causes = new byte[0];
        private int[] byScore;
        private int size;

        static RunColumns read(ResultStore store, long runId) {
            var columns = new RunColumns();
            store.forEachChunk(runId, columns::append);
            columns.byScore = bestFirst(columns.scores, columns.size);
            return columns;
        }

        int size() {
            return size;
        }

        private void append(ResultChunk chunk) {
            int n = chunk.size();
            customerIds = Arrays.copyOf(customerIds, size + n);
            scores = Arrays.copyOf(scores, size + n);
            graded = Arrays.copyOf(graded, size + n);
            tiers = Arrays.copyOf(tiers, size + n);
            previous = Arrays.copyOf(previous, size + n);
            reasons = Arrays.copyOf(reasons, size + n);
            previousScores = Arrays.copyOf(previousScores, size + n);
            causes = Arrays.copyOf(causes, size + n);
            System.arraycopy(chunk.customerIds(), 0, customerIds, size, n);
            System.arraycopy(chunk.scores(), 0, scores, size, n);
            System.arraycopy(chunk.graded(), 0, graded, size, n);
            System.arraycopy(chunk.tiers(), 0, tiers, size, n);
            System.arraycopy(chunk.previousTiers(), 0, previous, size, n);
            System.arraycopy(chunk.reasons(), 0, reasons, size, n);
            System.arraycopy(chunk.moves().previousScores(), 0, previousScores, size, n);
            System.arraycopy(chunk.moves().causes(), 0, causes, size, n);
            size += n;
        }

        boolean matches(int i, ResultFilter filter, int tierIndex, MoveCause cause) {
            if (tierIndex != -2 && tiers[i] != tierIndex) {
                return false;
            }
            if (cause != null && causes[i] != cause.ordinal() + 1) {
                return false;
            }
            int from = previous[i];
            int to = tiers[i];
            return switch (filter) {
                case ALL -> true;
                case UPGRADE -> from >= 0 && to < from;
                case DOWNGRADE -> from >= 0 && to > from;
                case NEW -> from < 0;
                case UNCHANGED -> from >= 0 && to == from;
                case CHANGED -> from < 0 || to != from;
            };
        }

        /**
         * Positions by score, best first, ties and rule-based runs (no score) in customer order: sorted as one
         * long per customer, the score's order-preserving bits above its position.
         */
        private static int[] bestFirst(double[] scores, int size) {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                float score = Double.isNaN(scores[i]) ? Float.NEGATIVE_INFINITY : (float) scores[i];
                int bits = Float.floatToIntBits(score);
                int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
                keys[i] = ((long) ~ordered << 32) | i;
            }
            Arrays.sort(keys);
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = (int) keys[i];
            }
            return order;
        }
    }
}
