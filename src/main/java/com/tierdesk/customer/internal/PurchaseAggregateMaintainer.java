package com.tierdesk.customer.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the per-customer purchase aggregates (monthly spend and paid orders, lifetime
 * summary) from the orders, set-based. Runs inside the caller's transaction, so aggregates
 * and orders always change together.
 */
@Component
public class PurchaseAggregateMaintainer {

    private static final int IDS_PER_STATEMENT = 1000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String MONTHLY = """
            INSERT INTO customer_monthly_purchase (customer_id, month_start, spend, paid_orders)
            SELECT customer_id, paid_month, SUM(amount - refund_amount), COUNT(*)
              FROM customer_order
             WHERE paid_month IS NOT NULL AND customer_id IN (%s)
             GROUP BY customer_id, paid_month
            """;
    private static final String SUMMARY = """
            INSERT INTO customer_purchase_summary (customer_id, first_order_at, last_order_at, last_paid_at,
                   lifetime_orders, lifetime_paid_orders, lifetime_spend)
            SELECT customer_id, MIN(placed_at), MAX(placed_at),
                   MAX(CASE WHEN paid_month IS NOT NULL THEN paid_at END),
                   COUNT(*), COUNT(paid_month),
                   COALESCE(SUM(CASE WHEN paid_month IS NOT NULL THEN amount - refund_amount END), 0)
              FROM customer_order
             WHERE customer_id IN (%s)
             GROUP BY customer_id
            """;

    private final JdbcClient jdbc;

    PurchaseAggregateMaintainer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(long... customerIds) {
        long[] ids = LongStream.of(customerIds).distinct().sorted().toArray();
        for (int from = 0; from < ids.length; from += IDS_PER_STATEMENT) {
            refreshChunk(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + IDS_PER_STATEMENT)));
        }
    }

    /**
     * Recomputes the aggregates of the customers listed in a table (column {@code customer_id}, each id
     * once, preferably its primary key) with one set of statements, for bulk writes that touch many
     * customers at once. Joins rather than IN lists, which some databases evaluate row by row; rows are
     * inserted in key order, which keeps the index writes local.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refreshListed(String customerIdTable) {
        if (!IDENTIFIER.matcher(customerIdTable).matches()) {
            throw new IllegalArgumentException("not a table name: " + customerIdTable);
        }
        String listed = "EXISTS (SELECT 1 FROM " + customerIdTable + " a WHERE a.customer_id = t.customer_id)";
        jdbc.sql("DELETE FROM customer_monthly_purchase t WHERE " + listed).update();
        jdbc.sql("""
                INSERT INTO customer_monthly_purchase (customer_id, month_start, spend, paid_orders)
                SELECT o.customer_id, o.paid_month, SUM(o.amount - o.refund_amount), COUNT(*)
                  FROM %s a JOIN customer_order o ON o.customer_id = a.customer_id
                 WHERE o.paid_month IS NOT NULL
                 GROUP BY o.customer_id, o.paid_month
                 ORDER BY o.customer_id, o.paid_month
                """.formatted(customerIdTable)).update();
        jdbc.sql("DELETE FROM customer_purchase_summary t WHERE " + listed).update();
        jdbc.sql("""
                INSERT INTO customer_purchase_summary (customer_id, first_order_at, last_order_at, last_paid_at,
                       lifetime_orders, lifetime_paid_orders, lifetime_spend)
                SELECT o.customer_id, MIN(o.placed_at), MAX(o.placed_at),
                       MAX(CASE WHEN o.paid_month IS NOT NULL THEN o.paid_at END),
                       COUNT(*), COUNT(o.paid_month),
                       COALESCE(SUM(CASE WHEN o.paid_month IS NOT NULL THEN o.amount - o.refund_amount END), 0)
                  FROM %s a JOIN customer_order o ON o.customer_id = a.customer_id
                 GROUP BY o.customer_id
                """.formatted(customerIdTable)).update();
    }

    private void refreshChunk(long[] ids) {
        String in = String.join(",", Collections.nCopies(ids.length, "?"));
        List<Object> params = LongStream.of(ids).boxed().collect(Collectors.toList());
        jdbc.sql("DELETE FROM customer_monthly_purchase WHERE customer_id IN (" + in + ")").params(params).update();
        jdbc.sql(MONTHLY.formatted(in)).params(params).update();
        jdbc.sql("DELETE FROM customer_purchase_summary WHERE customer_id IN (" + in + ")").params(params).update();
        jdbc.sql(SUMMARY.formatted(in)).params(params).update();
    }
}
