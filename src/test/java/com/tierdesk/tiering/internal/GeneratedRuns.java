package com.tierdesk.tiering.internal;

import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.JdbcTimestamps;
import com.tierdesk.tiering.ModelVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Many customers and an approved run over them, written straight into the tables (scoring them would take longer
 * than what the tests look at): customer {@code first + i} gets the tier {@code TIERS[(first + i) % 4]}.
 */
final class GeneratedRuns {

    static final List<String> TIERS = List.of("VIP", "KEY", "REGULAR", "WATCH");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final BusinessTime time;

    GeneratedRuns(DataSource dataSource, BusinessTime time) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.time = time;
    }

    static String tierOf(long customerId) {
        return TIERS.get((int) (customerId % 4));
    }

    /** Customers with the ids {@code first} to {@code first + count - 1}, coded {@code GEN-<id>}. */
    void customers(long first, int count) {
        var now = JdbcTimestamps.toColumn(time.now());
        new JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO customer (id, code, name, kind, created_at, updated_at) VALUES (?, ?, ?, 'COMPANY', ?, ?)
                """, LongStream.range(first, first + count).boxed().toList(), 5_000, (statement, id) -> {
                    statement.setLong(1, id);
                    statement.setString(2, "GEN-" + id);
                    statement.setString(3, "生成客户 " + id);
                    statement.setObject(4, now);
                    statement.setObject(5, now);
                });
    }

    /** An approved run with a result for each of the customers. */
    long approvedRun(ModelVersion model, long first, int count) throws SQLException {
        var keys = new GeneratedKeyHolder();
        var now = JdbcTimestamps.toColumn(time.now());
        jdbc.sql("""
                INSERT INTO assessment_run (model_id, model_version, as_of, status, trigger_kind, started_by, created_at,
                       decided_by, decided_at, summary, population, assessed)
                VALUES (:model, :version, :asOf, 'APPROVED', 'MANUAL', 'analyst', :now, 'supervisor', :now, :summary,
                        :customers, :customers)
                """).param("model", model.modelId()).param("version", model.version()).param("asOf", time.today())
                .param("now", now).param("customers", count)
                .param("summary", """
                        {"tiers": ["VIP", "KEY", "REGULAR", "WATCH"], "distribution": {}, "matrix": [], "upgrades": 0,
                         "downgrades": 0, "newCustomers": %d, "unchanged": 0, "held": 0, "churned": 0, "floors": {},
                         "millis": {}}""".formatted(count))
                .update(keys, "id");
        long run = keys.getKeyAs(Number.class).longValue();
        long[] ids = LongStream.range(first, first + count).toArray();
        int[] tiers = Arrays.stream(ids).mapToInt(id -> (int) (id % 4)).toArray();
        int[] none = new int[count];
        Arrays.fill(none, -1);
        var results = new RunResults(run, TIERS, ids, new double[count], tiers, tiers, new byte[count], none,
                new boolean[count], none, new boolean[count], new long[count], null, new double[0][], new double[0][],
                IntStream.range(0, count).toArray());
        try (Connection connection = dataSource.getConnection()) {
            ResultWriter.write(connection, results, done -> { });
        }
        return run;
    }

    /** Removes the customers, their tiers, timelines and results of the run. */
    void remove(long first, int count, long run) {
        long last = first + count - 1;
        jdbc.sql("DELETE FROM tier_history WHERE customer_id BETWEEN :first AND :last").param("first", first)
                .param("last", last).update();
        jdbc.sql("DELETE FROM customer_tier WHERE customer_id BETWEEN :first AND :last").param("first", first)
                .param("last", last).update();
        jdbc.sql("DELETE FROM customer WHERE id BETWEEN :first AND :last").param("first", first).param("last", last).update();
        jdbc.sql("DELETE FROM assessment_result_chunk WHERE run_id = :run").param("run", run).update();
    }
}
