package com.tierdesk.tiering.internal;

import com.tierdesk.tiering.scoring.Population;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The distributions a run ranked its population against (one per metric of a percentile-rank indicator), exact: the
 * distinct values with how many customers have each, so that a later run ranks a value against them as the scorer
 * did. A metric with a value for every customer is 12 bytes a distinct value: counts and rates have few, spend
 * about one a customer.
 */
@Repository
class RunDistributions {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunDistributions(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores the run's distributions, in the caller's transaction (which removed any stored before, with the results). */
    void store(long runId, Map<String, Population> distributions) {
        distributions.forEach((metric, population) -> jdbc.sql("""
                INSERT INTO assessment_run_distribution (run_id, metric, customers, data) VALUES (:run, :metric, :customers, :data)
                """).param("run", runId).param("metric", metric).param("customers", population.size())
                .param("data", encode(population)).update());
    }

    /** The run's distributions by metric key; empty for a run stored before they were kept. */
    Map<String, Population> of(long runId) {
        Map<String, Population> distributions = new LinkedHashMap<>();
        template.query(BinaryResults.statement("SELECT metric, data FROM assessment_run_distribution WHERE run_id = ? "
                + "ORDER BY metric", 0, runId), (RowCallbackHandler) rs -> distributions.put(rs.getString(1), decode(rs.getBytes(2))));
        return distributions;
    }

    static byte[] encode(Population population) {
        double[] distinct = population.distinct();
        int[] counts = population.counts();
        ByteBuffer bytes = ByteBuffer.allocate(4 + 12 * distinct.length);
        bytes.putInt(distinct.length);
        bytes.asDoubleBuffer().put(distinct);
        bytes.position(4 + 8 * distinct.length);
        bytes.asIntBuffer().put(counts);
        return bytes.array();
    }

    static Population decode(byte[] data) {
        ByteBuffer bytes = ByteBuffer.wrap(data);
        int n = bytes.getInt();
        double[] distinct = new double[n];
        bytes.asDoubleBuffer().get(distinct);
        bytes.position(4 + 8 * n);
        int[] counts = new int[n];
        bytes.asIntBuffer().get(counts);
        return Population.ofDistinct(distinct, counts);
    }
}
