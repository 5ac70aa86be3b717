package com.tierdesk.customer.internal;

import com.tierdesk.customer.CustomerId;
import com.tierdesk.customer.PurchaseHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads purchase histories from the aggregates with one query, ordered by customer, and assembles
 * them one customer at a time while the rows stream in: memory stays flat however many customers
 * there are. Amounts come as cents and months as a number, so a row allocates almost nothing.
 */
@Repository
public class PurchaseHistoryReader {

    /** Rows fetched per round trip; PostgreSQL streams only with a fetch size inside a transaction. */
    static final int FETCH_SIZE = 10_000;

    /*
     * One row per customer and month in the window (a single row without a month for a customer who
     * bought nothing in it), in customer order straight from the primary keys' merge join. The summary
     * repeats on every month row; only one row per customer carries it, which keeps the transfer narrow.
     * Times come as epoch microseconds, amounts as cents and months as year * 12 + month, so reading a
     * row parses no text into objects.
     */
    private static final String QUERY = """
            SELECT id, summary_row,
                   CASE WHEN summary_row = 1 THEN CAST(EXTRACT(EPOCH FROM first_order_at) * 1000000 AS BIGINT) END,
                   CASE WHEN summary_row = 1 THEN CAST(EXTRACT(EPOCH FROM last_order_at) * 1000000 AS BIGINT) END,
                   CASE WHEN summary_row = 1 THEN CAST(EXTRACT(EPOCH FROM last_paid_at) * 1000000 AS BIGINT) END,
                   CASE WHEN summary_row = 1 THEN lifetime_orders END,
                   CASE WHEN summary_row = 1 THEN lifetime_paid_orders END,
                   CASE WHEN summary_row = 1 THEN CAST(lifetime_spend * 100 AS BIGINT) END,
                   CAST(EXTRACT(YEAR FROM month_start) * 12 + EXTRACT(MONTH FROM month_start) AS INTEGER),
                   CAST(spend * 100 AS BIGINT), paid_orders
              FROM (SELECT c.id, ROW_NUMBER() OVER (PARTITION BY c.id) AS summary_row, s.first_order_at,
                           s.last_order_at, s.last_paid_at, s.lifetime_orders, s.lifetime_paid_orders,
                           s.lifetime_spend, m.month_start, m.spend, m.paid_orders
                      FROM customer c
                      LEFT JOIN customer_purchase_summary s ON s.customer_id = c.id
                      LEFT JOIN customer_monthly_purchase m ON m.customer_id = c.id
                                AND m.month_start >= :from AND m.month_start <= :to
                      %s) r
             ORDER BY id
            """;

    private final JdbcClient jdbc;

    PurchaseHistoryReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Calls the consumer once for every customer, in id order; must run in a transaction to stream. */
    public long readAll(YearMonth asOf, Consumer<PurchaseHistory> consumer) {
        var assembler = new Assembler(asOf, consumer);
        jdbc.sql(QUERY.formatted("")).withFetchSize(FETCH_SIZE).params(window(asOf)).query(assembler);
        return assembler.finish();
    }

    public void readOne(long customerId, YearMonth asOf, Consumer<PurchaseHistory> consumer) {
        var assembler = new Assembler(asOf, consumer);
        jdbc.sql(QUERY.formatted("WHERE c.id = :id")).params(window(asOf)).param("id", customerId).query(assembler);
        assembler.finish();
    }

    private static Map<String, Object> window(YearMonth asOf) {
        return Map.of("from", asOf.minusMonths(PurchaseHistory.MONTHS - 1L).atDay(1), "to", asOf.atDay(1));
    }

    /** Collects the rows of one customer, hands the history on when the next customer's rows begin. */
    private static final class Assembler implements RowCallbackHandler {

        private final YearMonth asOf;
        private final int firstMonthKey;
        private final Consumer<PurchaseHistory> consumer;
        private long customers;
        private long customerId = -1;
        private long[] spendCents;
        private int[] paidOrders;
        private Instant firstOrderAt;
        private Instant lastOrderAt;
        private Instant lastPaidAt;
        private int lifetimeOrders;
        private int lifetimePaidOrders;
        private long lifetimeSpendCents;

        Assembler(YearMonth asOf, Consumer<PurchaseHistory> consumer) {
            this.asOf = asOf;
            this.consumer = consumer;
            YearMonth first = asOf.minusMonths(PurchaseHistory.MONTHS - 1L);
            this.firstMonthKey = first.getYear() * 12 + first.getMonthValue();
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            if (id != customerId) {
                emit();
                start(id);
            }
            if (rs.getInt(2) == 1) {
                firstOrderAt = instant(rs, 3);
                lastOrderAt = instant(rs, 4);
                lastPaidAt = instant(rs, 5);
                lifetimeOrders = rs.getInt(6);
                lifetimePaidOrders = rs.getInt(7);
                lifetimeSpendCents = rs.getLong(8);
            }
            int monthKey = rs.getInt(9);
            if (!rs.wasNull()) {
                int index = monthKey - firstMonthKey;
                spendCents[index] = rs.getLong(10);
                paidOrders[index] = rs.getInt(11);
            }
        }

        private void start(long id) {
            customerId = id;
            spendCents = new long[PurchaseHistory.MONTHS];
            paidOrders = new int[PurchaseHistory.MONTHS];
            firstOrderAt = null;
            lastOrderAt = null;
            lastPaidAt = null;
            lifetimeOrders = 0;
            lifetimePaidOrders = 0;
            lifetimeSpendCents = 0;
        }

        private static Instant instant(ResultSet rs, int column) throws SQLException {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }

        private void emit() {
            if (customerId < 0) {
                return;
            }
            consumer.accept(new PurchaseHistory(CustomerId.of(customerId), asOf, spendCents, paidOrders, firstOrderAt,
                    lastOrderAt, lastPaidAt, lifetimeOrders, lifetimePaidOrders, lifetimeSpendCents));
            customers++;
        }

        long finish() {
            emit();
            customerId = -1;
            return customers;
        }
    }
}
