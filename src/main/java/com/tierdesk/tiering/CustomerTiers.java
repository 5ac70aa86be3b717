package com.tierdesk.tiering;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.JdbcTimestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers' current tiers, their timelines and the tier distribution: what the other modules ask tiering. */
@Service
@Transactional(readOnly = true)
public class CustomerTiers {

    /** The largest page of {@link #changesOf}. */
    public static final int MAX_CHANGES = 10_000;

    private final JdbcClient jdbc;
    private final TierCatalog tiers;

    CustomerTiers(JdbcClient jdbc, TierCatalog tiers) {
        this.jdbc = jdbc;
        this.tiers = tiers;
    }

    /** The customer's tier now; empty until a published run assessed the customer. */
    public Optional<CurrentTier> current(CustomerId customer) {
        return jdbc.sql("""
                SELECT customer_id, effective_tier, effective_since, assessed_tier, assessed_run_id, score,
                       downgrade_pending, override_id
                  FROM customer_tier WHERE customer_id = :customer
                """).param("customer", customer.value()).query(CustomerTiers::current).optional();
    }

    /** The customer's tier changes, oldest first, each with the note of the decision behind it. */
    public List<TierChange> timeline(CustomerId customer) {
        return jdbc.sql("""
                SELECT h.tier, h.previous_tier, h.changed_at, h.source, h.run_id, h.override_id,
                       CASE h.source WHEN 'RUN' THEN r.decision_note WHEN 'OVERRIDE' THEN o.decision_note
                                     ELSE o.end_note END AS note
                  FROM tier_history h
                  LEFT JOIN assessment_run r ON r.id = h.run_id
                  LEFT JOIN tier_override o ON o.id = h.override_id
                 WHERE h.customer_id = :customer ORDER BY h.changed_at, h.id
                """).param("customer", customer.value()).query((rs, row) -> {
                    long run = rs.getLong("run_id");
                    RunId runId = rs.wasNull() ? null : RunId.of(run);
                    long override = rs.getLong("override_id");
                    Long overrideId = rs.wasNull() ? null : override;
                    return new TierChange(rs.getString("tier"), rs.getString("previous_tier"),
                            JdbcTimestamps.read(rs, "changed_at"), TierChange.Source.valueOf(rs.getString("source")), runId,
                            overrideId, rs.getString("note"));
                }).list();
    }

    /**
     * A page of the changes a published run made, in customer id order after {@code after} (from the start when
     * {@code null}): read page after page, with the last customer of a page as the next {@code after}, until a page
     * comes back shorter than {@code limit} (at most {@value #MAX_CHANGES}). Each change is the {@link TierChanged} the
     * run's {@link TiersPublished} stands for, with the note of the run's approval.
     */
    public List<TierChanged> changesOf(RunId run, CustomerId after, int limit) {
        String note = jdbc.sql("SELECT decision_note FROM assessment_run WHERE id = :run").param("run", run.value())
                .query(String.class).optional().orElse(null);
        return jdbc.sql("""
                SELECT customer_id, previous_tier, tier, changed_at FROM tier_history
                 WHERE run_id = :run AND customer_id > :after
                 ORDER BY customer_id FETCH FIRST :limit ROWS ONLY
                """).param("run", run.value()).param("after", after == null ? Long.MIN_VALUE : after.value())
                .param("limit", Math.max(1, Math.min(limit, MAX_CHANGES)))
                .query((rs, row) -> new TierChanged(CustomerId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        JdbcTimestamps.read(rs, "changed_at"), TierChange.Source.RUN, run, null, note))
                .list();
    }

    /** Customers per effective tier, best tier first, every tier of the ladder listed. */
    public Map<String, Long> distribution() {
        Map<String, Long> counts = new LinkedHashMap<>();
        tiers.codes().forEach(code -> counts.put(code, 0L));
        jdbc.sql("SELECT effective_tier, COUNT(*) FROM customer_tier GROUP BY effective_tier")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> counts.computeIfPresent(entry.getKey(), (code, zero) -> entry.getValue()));
        return counts;
    }

    private static CurrentTier current(ResultSet rs, int row) throws SQLException {
        double score = rs.getDouble("score");
        Double scoreValue = rs.wasNull() ? null : score;
        long override = rs.getLong("override_id");
        Long overrideId = rs.wasNull() ? null : override;
        long run = rs.getLong("assessed_run_id");
        RunId assessedBy = rs.wasNull() ? null : RunId.of(run);
        return new CurrentTier(CustomerId.of(rs.getLong("customer_id")), rs.getString("effective_tier"),
                JdbcTimestamps.read(rs, "effective_since"), rs.getString("assessed_tier"), assessedBy, scoreValue,
                rs.getBoolean("downgrade_pending"), overrideId);
    }
}
