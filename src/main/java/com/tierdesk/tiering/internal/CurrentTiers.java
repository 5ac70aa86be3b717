package com.tierdesk.tiering.internal;

import com.tierdesk.shared.BinaryCopyReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Every customer's current tier state, read at once for a run and looked up by customer id (binary
 * search over ids in ascending order): the assessed tier of the last published run, whether hysteresis
 * held it, the score it had there and that run, and the effective tier.
 */
final class CurrentTiers {

    private long[] ids = new long[1024];
    private int[] assessed = new int[1024];
    private boolean[] pending = new boolean[1024];
    private int[] effective = new int[1024];
    private double[] scores = new double[1024];
    private long[] runs = new long[1024];
    private int size;

    private static final String COLUMNS = "customer_id, assessed_tier, downgrade_pending, effective_tier, score, assessed_run_id";

    /** Reads them in the caller's transaction: on PostgreSQL with COPY in binary format, elsewhere row by row. */
    static CurrentTiers read(JdbcTemplate jdbc, List<String> tierCodes) {
        var tiers = new CurrentTiers();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (Databases.isPostgres(connection)) {
                tiers.copy(connection, tierCodes);
            } else {
                jdbc.query("SELECT " + COLUMNS + " FROM customer_tier ORDER BY customer_id", (RowCallbackHandler) rs -> {
                    double score = rs.getDouble(5);
                    score = rs.wasNull() ? Double.NaN : score;
                    long run = rs.getLong(6);
                    tiers.add(rs.getLong(1), tierCodes.indexOf(rs.getString(2)), rs.getBoolean(3),
                            tierCodes.indexOf(rs.getString(4)), score, rs.wasNull() ? -1 : run);
                });
            }
            return null;
        });
        return tiers;
    }

    private void copy(Connection connection, List<String> tierCodes) throws SQLException {
        try (var in = new BinaryCopyReader(connection, "COPY (SELECT " + COLUMNS
                + " FROM customer_tier ORDER BY customer_id) TO STDOUT (FORMAT binary)")) {
            while (in.nextRow()) {
                long id = in.int8(-1);
                int assessedTier = tierCodes.indexOf(in.text());
                boolean downgradePending = in.bool();
                int effectiveTier = tierCodes.indexOf(in.text());
                double score = in.float8();
                add(id, assessedTier, downgradePending, effectiveTier, score, in.int8(-1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the current tiers failed: " + e.getMessage(), e);
        }
    }

    private void add(long id, int assessedTier, boolean downgradePending, int effectiveTier, double score, long run) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            assessed = Arrays.copyOf(assessed, capacity);
            pending = Arrays.copyOf(pending, capacity);
            effective = Arrays.copyOf(effective, capacity);
            scores = Arrays.copyOf(scores, capacity);
            runs = Arrays.copyOf(runs, capacity);
        }
        ids[size] = id;
        assessed[size] = assessedTier;
        pending[size] = downgradePending;
        effective[size] = effectiveTier;
        scores[size] = score;
        this.runs[size] = run;
        size++;
    }

    /**
     * Fills each customer's assessed tier (-1 for none), pending flag, score ({@code NaN} for none) and the run that
     * assessed it (-1 for none). Customers usually come in id order, as the tiers are stored, so one merging pass
     * finds them all; otherwise each is searched for.
     */
    void lookUp(long[] customerIds, int count, int[] tiers, boolean[] pendings, double[] previousScores,
            long[] previousRuns) {
        int at = 0;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long id = customerIds[i];
            if (id < previous) {
                int found = find(id);
                at = found >= 0 ? found : -found - 1;
            }
            previous = id;
            while (at < size && ids[at] < id) {
                at++;
            }
            boolean found = at < size && ids[at] == id;
            tiers[i] = found ? assessed[at] : -1;
            pendings[i] = found && pending[at];
            previousScores[i] = found ? scores[at] : Double.NaN;
            previousRuns[i] = found && assessed[at] >= 0 ? runs[at] : -1;
        }
    }

    private int find(long id) {
        return Arrays.binarySearch(ids, 0, size, id);
    }

    int effectiveTier(long id) {
        int at = find(id);
        return at < 0 ? -1 : effective[at];
    }
}
