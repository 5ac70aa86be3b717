package com.tierdesk.customer.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.ActivityWindow;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.internal.ActivityFiguresStore.IdRange;
import com.tierdesk.shared.BusinessTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code customer_activity_month}, each customer's activity by business month, and computes activity figures
 * from it: a new month's window for every customer (the month rollover) and the figures as of a past month-end.
 */
@Repository
public class ActivityMonthsStore {

    private static final int FETCH_SIZE = 10_000;

    /* %1$s narrows the orders and %2$s the interactions read; %3$s is the business month of occurred_at. */
    private static final String BUILD = """
            INSERT INTO customer_activity_month (customer_id, month_start, spend_cents, paid_orders, first_paid_at,
                   last_paid_at, pay_seconds, complaints, referrals, interactions, new_needs, last_cart_at)
            SELECT customer_id, month_start, SUM(spend_cents), SUM(paid_orders), MIN(first_paid_at), MAX(last_paid_at),
                   MAX(pay_seconds), SUM(complaints), SUM(referrals), SUM(interactions), SUM(new_needs), MAX(last_cart_at)
              FROM (
                SELECT customer_id, paid_month AS month_start,
                       SUM(CAST((amount - refund_amount) * 100 AS BIGINT)) AS spend_cents, COUNT(*) AS paid_orders,
                       MIN(paid_at) AS first_paid_at, MAX(paid_at) AS last_paid_at,
                       STRING_AGG(CAST(CAST(EXTRACT(EPOCH FROM paid_at) - EXTRACT(EPOCH FROM placed_at) AS DOUBLE PRECISION)
                           AS VARCHAR), ',' ORDER BY CAST(EXTRACT(EPOCH FROM paid_at) - EXTRACT(EPOCH FROM placed_at)
                           AS DOUBLE PRECISION)) AS pay_seconds,
                       0 AS complaints, 0 AS referrals, 0 AS interactions, 0 AS new_needs,
                       CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS last_cart_at
                  FROM customer_order
                 WHERE paid_month IS NOT NULL %1$s
                 GROUP BY customer_id, paid_month
                UNION ALL
                SELECT customer_id, month_start, 0, 0, NULL, NULL, NULL,
                       SUM(CASE WHEN kind = 'COMPLAINT' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN kind = 'REFERRAL' THEN 1 ELSE 0 END), COUNT(*),
                       SUM(CASE WHEN kind IN ('INQUIRY', 'CART_WITHOUT_PURCHASE', 'FAVOURITE_WITHOUT_PURCHASE') THEN 1 ELSE 0 END),
                       MAX(CASE WHEN kind IN ('CART_WITHOUT_PURCHASE', 'FAVOURITE_WITHOUT_PURCHASE') THEN occurred_at END)
                  FROM (SELECT customer_id, kind, occurred_at, %3$s AS month_start FROM interaction WHERE 1 = 1 %2$s) i
                 GROUP BY customer_id, month_start
              ) m
             GROUP BY customer_id, month_start
             ORDER BY customer_id, month_start
            """;

    /*
     * Each customer's monthly rows that the condition in place of %s selects, summed: the window W (:first to :month),
     * its recent half (from :recent), the two months before :month and the baseline (:baseline to :monthBefore), and
     * the lifetime figures of the rows read. One row per customer rather than one per month.
     */
    private static final String MONTH_SUMS = """
            SELECT customer_id,
                   SUM(spend_cents) FILTER (WHERE %1$s) AS spend,
                   SUM(paid_orders) FILTER (WHERE %1$s) AS paid,
                   COUNT(*) FILTER (WHERE paid_orders > 0 AND %1$s) AS active_months,
                   SUM(paid_orders) FILTER (WHERE month_start >= :recent AND month_start < :month) AS recent_half,
                   SUM(paid_orders) FILTER (WHERE month_start >= :first AND month_start < :recent) AS earlier_half,
                   SUM(spend_cents) FILTER (WHERE month_start = :lastMonth) AS spend_last_month,
                   SUM(spend_cents) FILTER (WHERE month_start = :monthBefore) AS spend_month_before,
                   SUM(spend_cents) FILTER (WHERE %2$s) AS spend_baseline,
                   COUNT(*) FILTER (WHERE paid_orders > 0 AND %2$s) AS baseline_active_months,
                   SUM(complaints) FILTER (WHERE %1$s) AS complaints,
                   SUM(referrals) FILTER (WHERE %1$s) AS referrals,
                   SUM(interactions) FILTER (WHERE %1$s) AS interactions,
                   SUM(new_needs) FILTER (WHERE %1$s) AS new_needs,
                   STRING_AGG(pay_seconds, ',') FILTER (WHERE %1$s) AS pay_seconds,
                   SUM(paid_orders) AS lifetime_paid, MIN(first_paid_at) AS first_paid_at,
                   MAX(last_paid_at) AS last_paid_at, MAX(last_cart_at) AS last_cart_at
              FROM customer_activity_month
             WHERE %%s
             GROUP BY customer_id""".formatted("month_start >= :first AND month_start < :month",
            "month_start >= :baseline AND month_start < :monthBefore");

    /* The window's sums of MONTH_SUMS m, in the order FiguresReader reads them after the customer's id and details. */
    private static final String WINDOW_SUMS = """
            m.spend, m.paid, m.active_months, m.recent_half, m.earlier_half, m.spend_last_month, m.spend_month_before,
            m.spend_baseline, m.baseline_active_months, m.complaints, m.referrals, m.interactions, m.new_needs,
            m.pay_seconds""";

    /*
     * Customers (%1$s narrows c.id, %2$s customer_id the same way, so that both are read in key order and merged)
     * with their figures as of :month, summed from every monthly row up to it.
     */
    private static final String FIGURES_OF_CUSTOMERS = """
            SELECT c.id, c.industry, c.registered_on, %s, m.lifetime_paid, %s, %s, %s
              FROM customer c
              LEFT JOIN (%s) m ON m.customer_id = c.id
             WHERE %%1$s
             ORDER BY c.id
            """.formatted(WINDOW_SUMS, micros("m.first_paid_at"), micros("m.last_paid_at"), micros("m.last_cart_at"),
            MONTH_SUMS.formatted("month_start <= :month AND %2$s"));

    /* Every customer's new window summed from the 14 months before :month, with the lifetime figures put aside. */
    private static final String ROLLED_OVER = """
            SELECT l.customer_id, l.industry, l.registered_on, %s, l.lifetime_paid_orders, %s, %s, %s
              FROM %s l
              LEFT JOIN (%s) m ON m.customer_id = l.customer_id
             ORDER BY l.customer_id
            """.formatted(WINDOW_SUMS, micros("l.first_paid_at"), micros("l.last_paid_at"), micros("l.last_cart_at"),
            FiguresStage.LIFETIME, MONTH_SUMS.formatted("month_start >= :baseline AND month_start < :month"));

    private static final int IDS_PER_STATEMENT = 1_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final String monthOfInstant;
    private final DatabaseDialect dialect;

    ActivityMonthsStore(JdbcClient jdbc, DataSource dataSource, BusinessTime time, DatabaseDialect dialect) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.dialect = dialect;
        // the first day of the instant's month in the business time zone: the local date-time's text, cut to the
        // month, reads the same on PostgreSQL and H2 (whose date casts would use the session's zone)
        this.monthOfInstant = "CAST(SUBSTRING(CAST(occurred_at AT TIME ZONE '" + time.zone().getId()
                + "' AS VARCHAR), 1, 7) || '-01' AS DATE)";
    }

    /** Builds every customer's monthly rows from all orders and interactions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long rebuildAll() {
        // TRUNCATE leaves no dead rows behind (it waits for readers); other databases delete
        jdbc.sql(dialect.postgres() ? "TRUNCATE customer_activity_month" : "DELETE FROM customer_activity_month").update();
        return jdbc.sql(BUILD.formatted("", "", monthOfInstant)).update();
    }

    /** Builds the monthly rows of these customers again from their orders and interactions. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebuild(List<Long> customerIds) {
        for (int from = 0; from < customerIds.size(); from += IDS_PER_STATEMENT) {
            List<Long> ids = customerIds.subList(from, Math.min(customerIds.size(), from + IDS_PER_STATEMENT));
            jdbc.sql("DELETE FROM customer_activity_month WHERE customer_id IN (:ids)").param("ids", ids).update();
            jdbc.sql(BUILD.formatted("AND customer_id IN (:ids)", "AND customer_id IN (:ids)", monthOfInstant))
                    .param("ids", ids).update();
        }
    }

    /**
     * Computes today's snapshot rows of these customers from their monthly rows and writes them. A customer whose
     * current month holds something dated after the cut (an order paid later) is handed to {@code fromOrders}
     * instead: the month's row cannot tell what counts yet.
     *
     * @return how many rows were written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long refreshSnapshot(ActivityWindow window, List<Long> customerIds, Consumer<Long> fromOrders) {
        if (customerIds.isEmpty()) {
            return 0;
        }
        try (var stage = FiguresStage.open(dataSource)) {
            long rows = 0;
            for (int from = 0; from < customerIds.size(); from += IDS_PER_STATEMENT) {
                List<Long> ids = customerIds.subList(from, Math.min(customerIds.size(), from + IDS_PER_STATEMENT));
                var reader = new FiguresReader(window, stage::add, fromOrders);
                monthParameters(jdbc.sql(FIGURES_OF_CUSTOMERS.formatted("c.id IN (:ids)", "customer_id IN (:ids)")), window)
                        .param("ids", ids).query(reader);
                rows += reader.emitted();
            }
            stage.replaceStaged();
            return rows;
        }
    }

    /**
     * Streams the figures as of the last day of the window's month for the customers in the range, from the
     * monthly rows alone; call it in a transaction.
     */
    public long readAsOfMonthEnd(ActivityWindow window, IdRange range, Consumer<ActivityFigures> consumer) {
        var reader = new FiguresReader(window, consumer, null);
        withoutJit();
        monthParameters(jdbc.sql(FIGURES_OF_CUSTOMERS.formatted("c.id BETWEEN :fromId AND :toId",
                "customer_id BETWEEN :fromId AND :toId")).withFetchSize(FETCH_SIZE), window)
                .param("fromId", range.first()).param("toId", range.last()).query(reader);
        return reader.emitted();
    }

    /**
     * Moves every customer's snapshot to the window of {@code window}'s month: the window's figures are summed from
     * the monthly rows, the lifetime figures kept. The new rows replace the old ones in the caller's transaction.
     *
     * @return how many customers' figures were written
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long rollOver(ActivityWindow window) {
        try (var snapshot = FiguresStage.replacingSnapshot(dataSource)) {
            var reader = new FiguresReader(window, snapshot::add, null);
            withoutJit();
            monthParameters(jdbc.sql(ROLLED_OVER).withFetchSize(FETCH_SIZE), window).query(reader);
            snapshot.flush();
            return reader.emitted();
        }
    }

    /** The months that {@link #MONTH_SUMS} sums, by the first day of each. */
    private static JdbcClient.StatementSpec monthParameters(JdbcClient.StatementSpec statement, ActivityWindow window) {
        YearMonth month = window.month();
        return statement.param("first", window.firstMonth().atDay(1)).param("recent", month.minusMonths(6).atDay(1))
                .param("month", month.atDay(1)).param("lastMonth", month.minusMonths(1).atDay(1))
                .param("monthBefore", month.minusMonths(2).atDay(1)).param("baseline", month.minusMonths(14).atDay(1));
    }

    /** PostgreSQL's JIT compiles these long scans for longer than it saves, for the rest of the transaction. */
    private void withoutJit() {
        if (dialect.postgres()) {
            jdbc.sql("SET LOCAL jit = off").update();
        }
    }

    private static String micros(String column) {
        return "CAST(EXTRACT(EPOCH FROM " + column + ") * 1000000 AS BIGINT)";
    }

    /**
     * Turns each row of {@link #FIGURES_OF_CUSTOMERS} or {@link #ROLLED_OVER} into the customer's figures. With a cut, a customer whose months
     * hold a payment or a cart at or after it goes to {@code afterCut} instead: the month's row cannot tell what counts.
     */
    private static final class FiguresReader implements RowCallbackHandler {

        private final Consumer<ActivityFigures> consumer;
        private final Consumer<Long> afterCut;
        private final Instant cut;
        private final PaySeconds paySeconds = new PaySeconds();
        private long emitted;

        FiguresReader(ActivityWindow window, Consumer<ActivityFigures> consumer, Consumer<Long> afterCut) {
            this.consumer = consumer;
            this.afterCut = afterCut;
            this.cut = afterCut == null ? null : window.cut();
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            Instant lastPaid = micros(rs, 20);
            Instant lastCart = micros(rs, 21);
            if (cut != null && (atOrAfterCut(lastPaid) || atOrAfterCut(lastCart))) {
                afterCut.accept(id);
                return;
            }
            paySeconds.clear();
            paySeconds.add(rs.getString(17));
            consumer.accept(new ActivityFigures(CustomerId.of(id), rs.getString(2), rs.getObject(3, LocalDate.class),
                    rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getLong(9), rs.getLong(10),
                    rs.getLong(11), micros(rs, 19), lastPaid, rs.getInt(18), paySeconds.medianMinutes(),
                    rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getInt(16), lastCart, rs.getInt(12)));
            emitted++;
        }

        private boolean atOrAfterCut(Instant instant) {
            return instant != null && !instant.isBefore(cut);
        }

        /** @return how many customers' figures went to the consumer */
        long emitted() {
            return emitted;
        }
    }

    private static Instant micros(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.EPOCH.plusNanos(Math.multiplyExact(value, 1_000L));
    }
}
