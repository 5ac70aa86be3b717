package com.tierdesk.tiering.internal;

import com.tierdesk.tiering.ResultFilter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a run's stored results: pages of them by change, and one customer's row with its packed values. */
@Repository
public class ResultStore {

    /** A stored result; the packed values are decoded with {@link #unpack}. */
    public record StoredResult(long customerId, Double score, String gradedTier, String tier, int reason, int gradingRule,
            boolean downgradePending, String previousTier, boolean previousPending, byte[] rawValues,
            byte[] indicatorScores) {
    }

    private static final String SELECT = """
            SELECT r.customer_id, r.score, r.graded_tier, r.tier, r.reason, r.grading_rule, r.downgrade_pending,
                   r.previous_tier, r.previous_pending, r.raw_values, r.indicator_scores
              FROM assessment_result r
              JOIN tier nt ON nt.code = r.tier
              LEFT JOIN tier pt ON pt.code = r.previous_tier
            """;

    private final JdbcClient jdbc;

    ResultStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredResult> page(long runId, ResultFilter filter, String tier, int offset, int limit) {
        return jdbc.sql(SELECT + " WHERE r.run_id = :run" + condition(filter)
                        + " AND (CAST(:tier AS VARCHAR(32)) IS NULL OR r.tier = :tier)"
                        + " ORDER BY r.score DESC NULLS LAST, r.customer_id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("run", runId).param("tier", tier).param("offset", offset).param("limit", limit)
                .query(ResultStore::map).list();
    }

    public long count(long runId, ResultFilter filter, String tier) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_result r JOIN tier nt ON nt.code = r.tier "
                        + "LEFT JOIN tier pt ON pt.code = r.previous_tier WHERE r.run_id = :run" + condition(filter)
                        + " AND (CAST(:tier AS VARCHAR(32)) IS NULL OR r.tier = :tier)")
                .param("run", runId).param("tier", tier).query(Long.class).single();
    }

    public Optional<StoredResult> of(long runId, long customerId) {
        return jdbc.sql(SELECT + " WHERE r.run_id = :run AND r.customer_id = :customer")
                .param("run", runId).param("customer", customerId).query(ResultStore::map).optional();
    }

    /** The customer's results in published runs, newest first. */
    public List<Long> publishedRunsOf(long customerId, int limit) {
        return jdbc.sql("""
                SELECT r.run_id FROM assessment_result r JOIN assessment_run a ON a.id = r.run_id
                 WHERE r.customer_id = :customer AND a.status = 'PUBLISHED'
                 ORDER BY a.published_at DESC FETCH FIRST :limit ROWS ONLY
                """).param("customer", customerId).param("limit", limit).query(Long.class).list();
    }

    public static double[] unpack(byte[] packed) {
        return RunResults.unpack(packed);
    }

    private static String condition(ResultFilter filter) {
        return switch (filter) {
            case ALL -> "";
            case UPGRADE -> " AND pt.position IS NOT NULL AND nt.position < pt.position";
            case DOWNGRADE -> " AND pt.position IS NOT NULL AND nt.position > pt.position";
            case NEW -> " AND r.previous_tier IS NULL";
            case UNCHANGED -> " AND r.previous_tier = r.tier";
            case CHANGED -> " AND (r.previous_tier IS NULL OR r.previous_tier <> r.tier)";
        };
    }

    private static StoredResult map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        double score = rs.getDouble("score");
        Double scoreValue = rs.wasNull() ? null : score;
        return new StoredResult(rs.getLong("customer_id"), scoreValue, rs.getString("graded_tier"), rs.getString("tier"),
                rs.getInt("reason"), rs.getInt("grading_rule"), rs.getBoolean("downgrade_pending"),
                rs.getString("previous_tier"), rs.getBoolean("previous_pending"), rs.getBytes("raw_values"),
                rs.getBytes("indicator_scores"));
    }
}
