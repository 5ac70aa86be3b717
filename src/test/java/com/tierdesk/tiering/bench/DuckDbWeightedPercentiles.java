package com.tierdesk.tiering.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The comparison of the assessment benchmark ({@code bench/assess/run.sh}): the scoring of
 * {@code bench/assess/weighted-percentiles.json} as one DuckDB query over the orders in Parquet, the result written
 * to a table of DuckDB's own file. The metrics follow docs/metrics.md: the window is the 12 complete months
 * before the date's month, a percentile rank is 100 × (values below + half the equal ones) / customers with a
 * value, a missing recency scores 0, and no paid order for 90 days or more means WATCH.
 *
 * <pre>
 *   prepare DIR                  orders.csv and customers.csv (exported by the script) to Parquet, not timed
 *   prepare-figures DIR          figures.csv (TierDesk's per-customer activity figures) to Parquet, not timed
 *   score DIR YYYY-MM-DD         the timed query from the raw orders; prints seconds and customers per tier
 *   score-figures DIR YYYY-MM-DD the same scoring from the per-customer figures instead of the orders
 * </pre>
 */
public final class DuckDbWeightedPercentiles {

    private DuckDbWeightedPercentiles() {
    }

    public static void main(String[] args) throws SQLException {
        Path dir = Path.of(args[1]);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("bench.duckdb"));
             Statement sql = duck.createStatement()) {
            if ("prepare".equals(args[0])) {
                sql.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("orders.csv") + "', header = true, columns = "
                        + "{'customer_id': 'BIGINT', 'net': 'DECIMAL(14,2)', 'paid_month': 'DATE', 'paid_day': 'DATE'})) "
                        + "TO '" + dir.resolve("orders.parquet") + "' (FORMAT parquet)");
                sql.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("customers.csv") + "', header = true, columns = "
                        + "{'customer_id': 'BIGINT', 'registered_on': 'DATE'})) TO '" + dir.resolve("customers.parquet")
                        + "' (FORMAT parquet)");
                return;
            }
            if ("prepare-figures".equals(args[0])) {
                sql.execute("COPY (SELECT * FROM read_csv('" + dir.resolve("figures.csv") + "', header = true, columns = "
                        + "{'customer_id': 'BIGINT', 'registered_on': 'DATE', 'spend_cents': 'BIGINT', 'paid_orders': 'INTEGER', "
                        + "'active_months': 'INTEGER', 'orders_recent_half': 'INTEGER', 'orders_earlier_half': 'INTEGER', "
                        + "'last_paid_day': 'DATE'})) TO '" + dir.resolve("figures.parquet") + "' (FORMAT parquet)");
                return;
            }
            LocalDate asOf = LocalDate.parse(args[2]);
            sql.execute("DROP TABLE IF EXISTS scores");
            long started = System.nanoTime();
            sql.execute("score-figures".equals(args[0]) ? scoring(fromFigures(dir), asOf) : query(dir, asOf));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "duckdb: %.2f s%n", seconds);
            try (ResultSet tiers = sql.executeQuery("SELECT tier, COUNT(*) FROM scores GROUP BY tier ORDER BY tier")) {
                while (tiers.next()) {
                    System.out.printf(Locale.ROOT, "  %-10s %,12d%n", tiers.getString(1), tiers.getLong(2));
                }
            }
        }
    }

    static String query(Path dir, LocalDate asOf) {
        return scoring(fromOrders(dir, asOf), asOf);
    }

    /** Each customer's figures computed from the raw orders. */
    private static String fromOrders(Path dir, LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return """
                  SELECT c.customer_id, c.registered_on,
                         COALESCE(SUM(CASE WHEN o.paid_month >= DATE '%2$s' AND o.paid_month < DATE '%3$s' THEN o.net END), 0) AS spend,
                         COUNT(CASE WHEN o.paid_month >= DATE '%2$s' AND o.paid_month < DATE '%3$s' THEN 1 END) AS orders,
                         COUNT(DISTINCT CASE WHEN o.paid_month >= DATE '%2$s' AND o.paid_month < DATE '%3$s' THEN o.paid_month END) AS active_months,
                         COUNT(CASE WHEN o.paid_month >= DATE '%4$s' AND o.paid_month < DATE '%3$s' THEN 1 END) AS recent,
                         COUNT(CASE WHEN o.paid_month >= DATE '%2$s' AND o.paid_month < DATE '%4$s' THEN 1 END) AS earlier,
                         MAX(o.paid_day) AS last_paid
                    FROM read_parquet('%1$s/customers.parquet') c
                    LEFT JOIN read_parquet('%1$s/orders.parquet') o ON o.customer_id = c.customer_id AND o.paid_day <= DATE '%5$s'
                   GROUP BY c.customer_id, c.registered_on
                """.formatted(dir, month.minusMonths(12).atDay(1), month.atDay(1), month.minusMonths(6).atDay(1), asOf);
    }

    /** Each customer's figures as TierDesk keeps them, one row per customer. */
    private static String fromFigures(Path dir) {
        return """
                  SELECT customer_id, registered_on, CAST(spend_cents AS DECIMAL(18, 2)) / 100 AS spend, paid_orders AS orders,
                         active_months, orders_recent_half AS recent, orders_earlier_half AS earlier, last_paid_day AS last_paid
                    FROM read_parquet('%1$s/figures.parquet')
                """.formatted(dir);
    }

    /** The weighted percentile scoring of the figures (columns as {@link #fromOrders}), written to the table scores. */
    private static String scoring(String figures, LocalDate asOf) {
        return """
                CREATE TABLE scores AS
                WITH figures AS (%1$s),
                metrics AS (
                  SELECT customer_id, registered_on, spend, orders,
                         CASE WHEN orders = 0 THEN 0 ELSE spend / orders END AS aov,
                         date_diff('day', last_paid, DATE '%2$s') AS recency,
                         active_months / 12.0 AS repurchase,
                         CASE WHEN earlier = 0 THEN (CASE WHEN recent > 0 THEN 1 ELSE 0 END) ELSE recent / earlier - 1 END AS growth
                    FROM figures),
                ranked AS (
                  SELECT customer_id, registered_on, recency,
                         %3$s AS pr_spend, %4$s AS pr_aov, %5$s AS pr_orders, %6$s AS pr_recency,
                         %7$s AS pr_repurchase, %8$s AS pr_growth
                    FROM metrics),
                scored AS (
                  SELECT customer_id, registered_on, recency,
                         0.5 * (0.8 * pr_spend + 0.2 * pr_aov)
                         + 0.3 * (0.5 * pr_orders + 0.5 * (CASE WHEN recency IS NULL THEN 0 ELSE 100 - pr_recency END))
                         + 0.2 * (0.5 * pr_repurchase + 0.5 * pr_growth) AS score
                    FROM ranked)
                SELECT customer_id, score,
                       CASE WHEN COALESCE(recency, date_diff('day', registered_on, DATE '%2$s'), 0) >= 90 THEN 'WATCH'
                            WHEN score >= 90 THEN 'VIP' WHEN score >= 70 THEN 'KEY' WHEN score >= 50 THEN 'REGULAR'
                            ELSE 'WATCH' END AS tier
                  FROM scored
                """.formatted(figures, asOf,
                rank("spend"), rank("aov"), rank("orders"), rank("recency"), rank("repurchase"), rank("growth"));
    }

    /** 100 × (values below + half the equal ones) / customers with a value; ties share a rank. */
    private static String rank(String column) {
        return ("(rank() OVER (ORDER BY %1$s) - 1 + COUNT(*) OVER (PARTITION BY %1$s) / 2.0) * 100.0 / COUNT(%1$s) OVER ()")
                .formatted(column);
    }
}
