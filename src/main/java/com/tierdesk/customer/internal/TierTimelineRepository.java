package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.TierTimelineEntry;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customer's tier timeline in {@code customer_tier_timeline}, keyed by customer, cause and cause id, and the
 * latest entry of each customer's timeline in {@code customer_current_tier}, written together. Writers of one
 * customer take turns on the customer's row: two at once would each find the latest entry without the other's, and
 * both insert the missing current tier.
 */
@Repository
public class TierTimelineRepository {

    /** One statement for all the entries: their columns as arrays, unnested into rows (H2 and PostgreSQL alike). */
    private static final String INSERT_NEW = """
            INSERT INTO customer_tier_timeline (customer_id, cause, cause_id, changed_at, tier, previous_tier, note)
            SELECT e.customer_id, e.cause, e.cause_id, CAST(e.changed_at AS TIMESTAMP WITH TIME ZONE), e.tier, e.previous_tier,
                   e.note
              FROM UNNEST(CAST(? AS BIGINT ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS BIGINT ARRAY),
                          CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY),
                          CAST(? AS VARCHAR ARRAY))
                   AS e (customer_id, cause, cause_id, changed_at, tier, previous_tier, note)
             WHERE EXISTS (SELECT 1 FROM customer c WHERE c.id = e.customer_id)
            ON CONFLICT DO NOTHING
            """;

    /**
     * The customers' latest timeline entries as their current tiers, from the timeline, so that the entries' order of
     * arrival does not matter. Driven by the customers given (joined to the timeline by its key), never by a scan.
     */
    private static final String MERGE_CURRENT = """
            MERGE INTO customer_current_tier c
            USING (SELECT latest.customer_id, latest.tier, latest.changed_at
                     FROM (SELECT t.customer_id, t.tier, t.changed_at,
                                  ROW_NUMBER() OVER (PARTITION BY t.customer_id
                                                     ORDER BY t.changed_at DESC, t.cause_id DESC) AS position
                             FROM (SELECT DISTINCT u.id FROM UNNEST(CAST(? AS BIGINT ARRAY)) AS u (id)) ids
                             JOIN customer_tier_timeline t ON t.customer_id = ids.id) latest
                    WHERE latest.position = 1) s
               ON c.customer_id = s.customer_id
             WHEN MATCHED THEN UPDATE SET tier = s.tier, since = s.changed_at
             WHEN NOT MATCHED THEN INSERT (customer_id, tier, since) VALUES (s.customer_id, s.tier, s.changed_at)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CustomerRowLocks rowLocks;

    TierTimelineRepository(JdbcClient jdbc, JdbcTemplate template, CustomerRowLocks rowLocks) {
        this.jdbc = jdbc;
        this.template = template;
        this.rowLocks = rowLocks;
    }

    /**
     * Rows already there, and customers that no longer exist, are skipped; runs in the caller's transaction, which
     * holds the customers' rows until it ends. @return how many rows were new
     */
    public int insertNew(List<TierTimelineEntry> entries) {
        rowLocks.lock(entries.stream().mapToLong(entry -> entry.customerId().value()).sorted().distinct().boxed().toList());
        int size = entries.size();
        Long[] customers = new Long[size];
        String[] causes = new String[size];
        Long[] causeIds = new Long[size];
        String[] changedAt = new String[size];
        String[] tiers = new String[size];
        String[] previousTiers = new String[size];
        String[] notes = new String[size];
        for (int i = 0; i < size; i++) {
            TierTimelineEntry entry = entries.get(i);
            customers[i] = entry.customerId().value();
            causes[i] = entry.cause().name();
            causeIds[i] = entry.causeId();
            changedAt[i] = JdbcTimestamps.toColumn(entry.changedAt()).toString();
            tiers[i] = entry.tier();
            previousTiers[i] = entry.previousTier();
            notes[i] = entry.note();
        }
        Integer inserted = template.execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
                insert.setArray(1, array(connection, "BIGINT", customers));
                insert.setArray(2, array(connection, "VARCHAR", causes));
                insert.setArray(3, array(connection, "BIGINT", causeIds));
                insert.setArray(4, array(connection, "VARCHAR", changedAt));
                insert.setArray(5, array(connection, "VARCHAR", tiers));
                insert.setArray(6, array(connection, "VARCHAR", previousTiers));
                insert.setArray(7, array(connection, "VARCHAR", notes));
                int rows = insert.executeUpdate();
                if (rows > 0) {
                    refreshCurrent(connection, customers);
                }
                return rows;
            }
        });
        return inserted == null ? 0 : inserted;
    }

    private static void refreshCurrent(Connection connection, Long[] customers) throws SQLException {
        try (PreparedStatement refresh = connection.prepareStatement(MERGE_CURRENT)) {
            refresh.setArray(1, array(connection, "BIGINT", customers));
            refresh.executeUpdate();
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    public List<TierTimelineEntry> of(CustomerId customer) {
        return jdbc.sql("""
                SELECT changed_at, tier, previous_tier, cause, cause_id, note FROM customer_tier_timeline
                 WHERE customer_id = :customer ORDER BY changed_at DESC, cause_id DESC
                """).param("customer", customer.value())
                .query((rs, row) -> new TierTimelineEntry(customer, JdbcTimestamps.read(rs, "changed_at"), rs.getString("tier"),
                        rs.getString("previous_tier"), TierTimelineEntry.Cause.valueOf(rs.getString("cause")),
                        rs.getLong("cause_id"), rs.getString("note")))
                .list();
    }
}
