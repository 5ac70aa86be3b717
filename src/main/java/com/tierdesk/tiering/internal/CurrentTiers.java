package com.tierdesk.tiering.internal;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every customer's current tier state, read at once for a run and looked up by customer id (binary
 * search over ids in ascending order): the assessed tier of the last published run, whether hysteresis
 * held it, and the effective tier.
 */
final class CurrentTiers {

    private long[] ids = new long[1024];
    private int[] assessed = new int[1024];
    private boolean[] pending = new boolean[1024];
    private int[] effective = new int[1024];
    private int size;

    static CurrentTiers read(JdbcClient jdbc, List<String> tierCodes) {
        var tiers = new CurrentTiers();
        jdbc.sql("SELECT customer_id, assessed_tier, downgrade_pending, effective_tier FROM customer_tier ORDER BY customer_id")
                .withFetchSize(10_000)
                .query((RowCallbackHandler) rs -> tiers.add(rs.getLong(1), tierCodes.indexOf(rs.getString(2)),
                        rs.getBoolean(3), tierCodes.indexOf(rs.getString(4))));
        return tiers;
    }

    private void add(long id, int assessedTier, boolean downgradePending, int effectiveTier) {
        if (size == ids.length) {
            int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            assessed = Arrays.copyOf(assessed, capacity);
            pending = Arrays.copyOf(pending, capacity);
            effective = Arrays.copyOf(effective, capacity);
        }
        ids[size] = id;
        assessed[size] = assessedTier;
        pending[size] = downgradePending;
        effective[size] = effectiveTier;
        size++;
    }

    /**
     * Fills each customer's assessed tier (-1 for none) and pending flag. Customers usually come in id order,
     * as the tiers are stored, so one merging pass finds them all; otherwise each is searched for.
     */
    void lookUp(long[] customerIds, int count, int[] tiers, boolean[] pendings) {
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
