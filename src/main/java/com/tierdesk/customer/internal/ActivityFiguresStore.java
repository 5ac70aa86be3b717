package com.tierdesk.customer.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.ActivityRefresh;
import com.tierdesk.customer.ActivityWindow;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.JdbcTimestamps;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.RowCallbackHandler;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes activity figures from orders and interactions with one set-based query, and keeps the
 * snapshot of today's figures ({@code customer_activity_figures}) in step with the data: writers of orders
 * and interactions bring their customers' rows up to date themselves and leave a note; a refresh computes
 * what is left (customers whose details changed, records that came due, writes that raced with a rewrite),
 * and the first refresh of a month moves everybody's window by summing the monthly figures.
 */
@Repository
public class ActivityFiguresStore {

    static final int FETCH_SIZE = 10_000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /*
     * %1$s narrows the orders and interactions read, %2$s the customers returned. Window bounds: :first
     * (first month of W), :month (D's month, just after W), :recent (the last 6 months of W start there),
     * :lastMonth and :monthBefore (the two latest months of W), :baseline (the 12 months before those two
     * start there); :windowStart, :windowEnd and :cut are instants.
     */
    private static final String FIGURES = """
            SELECT c.id AS customer_id, c.industry, c.registered_on,
                   COALESCE(o.spend_cents, 0) AS spend_cents, COALESCE(o.paid_orders, 0) AS paid_orders,
                   COALESCE(o.active_months, 0) AS active_months,
                   COALESCE(o.orders_recent_half, 0) AS orders_recent_half,
                   COALESCE(o.orders_earlier_half, 0) AS orders_earlier_half,
                   COALESCE(o.spend_last_month_cents, 0) AS spend_last_month_cents,
                   COALESCE(o.spend_month_before_cents, 0) AS spend_month_before_cents,
                   COALESCE(o.spend_baseline_cents, 0) AS spend_baseline_cents,
                   o.first_paid_at, o.last_paid_at, COALESCE(o.lifetime_paid_orders, 0) AS lifetime_paid_orders,
                   o.median_pay_minutes,
                   COALESCE(i.complaints, 0) AS complaints, COALESCE(i.referrals, 0) AS referrals,
                   COALESCE(i.interactions, 0) AS interactions, COALESCE(i.new_needs, 0) AS new_needs,
                   i.last_cart_at, COALESCE(o.baseline_active_months, 0) AS baseline_active_months
              FROM customer c
              LEFT JOIN (
                SELECT customer_id,
                       SUM(CASE WHEN paid_month >= :first AND paid_month < :month
                                THEN CAST((amount - refund_amount) * 100 AS BIGINT) ELSE 0 END) AS spend_cents,
                       SUM(CASE WHEN paid_month >= :first AND paid_month < :month THEN 1 ELSE 0 END) AS paid_orders,
                       COUNT(DISTINCT CASE WHEN paid_month >= :first AND paid_month < :month THEN paid_month END)
                           AS active_months,
                       SUM(CASE WHEN paid_month >= :recent AND paid_month < :month THEN 1 ELSE 0 END) AS orders_recent_half,
                       SUM(CASE WHEN paid_month >= :first AND paid_month < :recent THEN 1 ELSE 0 END) AS orders_earlier_half,
                       SUM(CASE WHEN paid_month = :lastMonth
                                THEN CAST((amount - refund_amount) * 100 AS BIGINT) ELSE 0 END) AS spend_last_month_cents,
                       SUM(CASE WHEN paid_month = :monthBefore
                                THEN CAST((amount - refund_amount) * 100 AS BIGINT) ELSE 0 END) AS spend_month_before_cents,
                       SUM(CASE WHEN paid_month >= :baseline AND paid_month < :monthBefore
                                THEN CAST((amount - refund_amount) * 100 AS BIGINT) ELSE 0 END) AS spend_baseline_cents,
                       COUNT(DISTINCT CASE WHEN paid_month >= :baseline AND paid_month < :monthBefore THEN paid_month END)
                           AS baseline_active_months,
                       MIN(paid_at) AS first_paid_at, MAX(paid_at) AS last_paid_at, COUNT(*) AS lifetime_paid_orders,
                       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY CASE WHEN paid_month >= :first AND paid_month < :month
                           THEN CAST(EXTRACT(EPOCH FROM paid_at) - EXTRACT(EPOCH FROM placed_at) AS DOUBLE PRECISION) / 60
                           END) AS median_pay_minutes
                  FROM customer_order
                 WHERE paid_month IS NOT NULL AND paid_at < :cut %1$s
                 GROUP BY customer_id) o ON o.customer_id = c.id
              LEFT JOIN (
                SELECT customer_id,
                       SUM(CASE WHEN kind = 'COMPLAINT' AND occurred_at >= :windowStart AND occurred_at < :windowEnd
                                THEN 1 ELSE 0 END) AS complaints,
                       SUM(CASE WHEN kind = 'REFERRAL' AND occurred_at >= :windowStart AND occurred_at < :windowEnd
                                THEN 1 ELSE 0 END) AS referrals,
                       SUM(CASE WHEN occurred_at >= :windowStart AND occurred_at < :windowEnd THEN 1 ELSE 0 END) AS interactions,
                       SUM(CASE WHEN kind IN ('INQUIRY', 'CART_WITHOUT_PURCHASE', 'FAVOURITE_WITHOUT_PURCHASE')
                                 AND occurred_at >= :windowStart AND occurred_at < :windowEnd THEN 1 ELSE 0 END) AS new_needs,
                       MAX(CASE WHEN kind IN ('CART_WITHOUT_PURCHASE', 'FAVOURITE_WITHOUT_PURCHASE') THEN occurred_at END)
                           AS last_cart_at
                  FROM interaction
                 WHERE occurred_at < :cut AND (occurred_at >= :windowStart OR kind IN ('CART_WITHOUT_PURCHASE',
                       'FAVOURITE_WITHOUT_PURCHASE')) %1$s
                 GROUP BY customer_id) i ON i.customer_id = c.id
             WHERE 1 = 1 %2$s
            """;

    private static final String STORED_COLUMNS = """
            industry, registered_on, spend_cents, paid_orders, active_months, orders_recent_half, orders_earlier_half,
            spend_last_month_cents, spend_month_before_cents, spend_baseline_cents, first_paid_at, last_paid_at,
            lifetime_paid_orders, median_pay_minutes, complaints, referrals, interactions, new_needs, last_cart_at,
            baseline_active_months""";

    /** The columns {@link #map} reads, in its order, from a row source aliased {@code f}. */
    private static final String STREAMED = """
            f.customer_id, f.industry, f.registered_on, %1$s(f.spend_cents%2$s), %1$s(f.paid_orders%2$s),
            %1$s(f.active_months%2$s), %1$s(f.orders_recent_half%2$s), %1$s(f.orders_earlier_half%2$s),
            %1$s(f.spend_last_month_cents%2$s), %1$s(f.spend_month_before_cents%2$s), %1$s(f.spend_baseline_cents%2$s),
            CAST(EXTRACT(EPOCH FROM f.first_paid_at) * 1000000 AS BIGINT), CAST(EXTRACT(EPOCH FROM f.last_paid_at) * 1000000 AS BIGINT),
            %1$s(f.lifetime_paid_orders%2$s), f.median_pay_minutes, %1$s(f.complaints%2$s), %1$s(f.referrals%2$s),
            %1$s(f.interactions%2$s), %1$s(f.new_needs%2$s), CAST(EXTRACT(EPOCH FROM f.last_cart_at) * 1000000 AS BIGINT),
            %1$s(f.baseline_active_months%2$s)""";

    /**
     * Beyond this share of the population changed (a big import), and more than {@link #FEW_CHANGED} customers,
     * computing everybody in one set-based pass is cheaper than customer by customer.
     */
    static final double MOST_CHANGED = 0.25;
    static final int FEW_CHANGED = 10_000;
    private static final int IDS_PER_STATEMENT = 1_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    private final ActivityMonthsStore months;
    private final BusinessTime time;
    private final DatabaseDialect dialect;
    private final CustomerRowLocks rowLocks;

    ActivityFiguresStore(JdbcClient jdbc, DataSource dataSource, ActivityMonthsStore months, BusinessTime time,
            DatabaseDialect dialect, CustomerRowLocks rowLocks) {
        this.dialect = dialect;
        this.rowLocks = rowLocks;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.months = months;
        this.time = time;
    }

    /** Customer ids from {@code first} to {@code last}, both included: a part of the population read on its own. */
    public record IdRange(long first, long last) {
    }

    /** The lowest and highest customer id, empty without customers. */
    public Optional<IdRange> idRange() {
        return jdbc.sql("SELECT MIN(id), MAX(id) FROM customer").query((rs, row) -> {
            long first = rs.getLong(1);
            return rs.wasNull() ? null : new IdRange(first, rs.getLong(2));
        }).optional();
    }

    /** Computes the figures of the customers in the range from the orders and interactions; streams, so call it in a transaction. */
    public long computeAll(ActivityWindow window, IdRange range, Consumer<ActivityFigures> consumer) {
        var mapper = new Mapper(consumer);
        jdbc.sql("SELECT " + STREAMED.formatted("", "") + " FROM (" + FIGURES.formatted(
                        "AND customer_id BETWEEN :fromId AND :toId", "AND c.id BETWEEN :fromId AND :toId") + ") f")
                .withFetchSize(FETCH_SIZE).params(parameters(window)).param("fromId", range.first()).param("toId", range.last())
                .query(mapper);
        return mapper.rows;
    }

    public Optional<ActivityFigures> computeOne(ActivityWindow window, long customerId) {
        var found = new ArrayList<ActivityFigures>(1);
        jdbc.sql("SELECT " + STREAMED.formatted("", "") + " FROM ("
                        + FIGURES.formatted("AND customer_id = :customer", "AND c.id = :customer") + ") f")
                .params(parameters(window)).param("customer", customerId).query(new Mapper(found::add));
        return found.stream().findFirst();
    }

    /**
     * Streams the snapshot of the customers in the range, one row per customer (every customer as of the last
     * refresh), in the order they are stored (customer order after a full refresh); call it in a transaction.
     * PostgreSQL sends it with COPY in binary format, the figures packed into one value per customer.
     */
    public long readSnapshot(IdRange range, Consumer<ActivityFigures> consumer) {
        String inRange = "customer_id BETWEEN " + range.first() + " AND " + range.last();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            if (dialect.postgres()) {
                // compiling this simple scan costs more than it saves
                jdbc.sql("SET LOCAL jit = off").update();
                return SnapshotCopy.read(connection, inRange, consumer);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("reading the activity figures failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        var mapper = new Mapper(consumer);
        jdbc.sql("SELECT " + STREAMED.formatted("", "") + " FROM customer_activity_figures f WHERE f.customer_id BETWEEN "
                        + range.first() + " AND " + range.last())
                .withFetchSize(FETCH_SIZE).query(mapper);
        return mapper.rows;
    }



    /**
     * Brings the snapshot up to date for the window, at a cost that follows the changes: the snapshot rows of the
     * customers queued and due, whose writers did not write them (or wrote them against an older generation), are
     * computed from their monthly figures; when a new month has started, every customer's window is moved by summing
     * the monthly figures. Everything is computed from the orders only when the monthly figures are missing or most
     * customers changed (a big import). Refreshes run one at a time, however many instances there are.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityRefresh refresh(ActivityWindow window, Instant now) {
        long started = System.nanoTime();
        LocalDate current = window.month().atDay(1);
        var state = jdbc.sql("SELECT window_month, months_built, generation FROM customer_activity_state WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getLong(3)}).single();
        LocalDate snapshotMonth = (LocalDate) state[0];
        boolean monthsBuilt = (Boolean) state[1];
        long generation = (Long) state[2];
        Object cut = JdbcTimestamps.toColumn(window.cut());
        List<long[]> seen = queuedRanges(cut);
        // the customers whose writers left them to the refresh, or wrote them against an older generation
        List<Long> changed = seen.isEmpty() ? List.of() : jdbc.sql("SELECT DISTINCT customer_id FROM customer_activity_stale "
                        + "WHERE id <= :last AND (due_at IS NULL OR due_at < :cut) "
                        + "AND (inline_generation IS NULL OR inline_generation < :generation) ORDER BY customer_id")
                .param("last", seen.get(seen.size() - 1)[1]).param("cut", cut).param("generation", generation)
                .query(Long.class).list();
        boolean rollOver = !current.equals(snapshotMonth);
        // a clock set back (never in service) finds a snapshot newer than its month: computed again from the orders
        boolean backwards = snapshotMonth != null && snapshotMonth.isAfter(current);
        if (monthsBuilt && !rollOver && changed.isEmpty()) {
            forget(seen);
            return ActivityRefresh.nothing(Duration.ofNanos(System.nanoTime() - started));
        }
        long population = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        ActivityRefresh done;
        if (!monthsBuilt || backwards || most(changed.size(), population)) {
            months.rebuildAll();
            jdbc.sql("DELETE FROM customer_activity_figures").update();
            // in customer order, so that reading the table back returns customers in order
            long written = jdbc.sql("INSERT INTO customer_activity_figures (customer_id, " + STORED_COLUMNS + ") SELECT customer_id, "
                    + STORED_COLUMNS + " FROM (" + FIGURES.formatted("", "") + ") f ORDER BY customer_id")
                    .params(parameters(window)).update();
            done = new ActivityRefresh(changed.size(), rollOver, true, written, Duration.ZERO);
        } else {
            long written = rollOver ? months.rollOver(window) : 0;
            List<Long> paidLater = new ArrayList<>();
            written += months.refreshSnapshot(window, changed, paidLater::add);
            written += recompute(window, paidLater);
            done = new ActivityRefresh(changed.size(), rollOver, false, written, Duration.ZERO);
        }
        forget(seen);
        boolean everyRow = done.rebuilt() || done.rolledOver();
        jdbc.sql("UPDATE customer_activity_state SET window_month = :month, refreshed_at = :now, months_built = TRUE, "
                        + "generation = :generation WHERE id = 1")
                .param("month", current).param("now", JdbcTimestamps.toColumn(now))
                .param("generation", everyRow ? generation + 1 : generation).update();
        return new ActivityRefresh(done.changedCustomers(), done.rolledOver(), done.rebuilt(), done.written(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean most(long changed, long population) {
        return changed > FEW_CHANGED && changed > population * MOST_CHANGED;
    }

    /** Computes everything again from the orders and interactions, then as {@link #refresh}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ActivityRefresh rebuild(ActivityWindow window, Instant now) {
        jdbc.sql("UPDATE customer_activity_state SET months_built = FALSE WHERE id = 1").update();
        return refresh(window, now);
    }

    private void forget(List<long[]> seen) {
        for (long[] range : seen) {
            jdbc.sql("DELETE FROM customer_activity_stale WHERE id BETWEEN :from AND :to")
                    .param("from", range[0]).param("to", range[1]).update();
        }
    }

    /** Computes the snapshot rows of these customers again from their orders and interactions. */
    private long recompute(ActivityWindow window, List<Long> customers) {
        long written = 0;
        for (int from = 0; from < customers.size(); from += IDS_PER_STATEMENT) {
            List<Long> ids = customers.subList(from, Math.min(customers.size(), from + IDS_PER_STATEMENT));
            jdbc.sql("DELETE FROM customer_activity_figures WHERE customer_id IN (:ids)").param("ids", ids).update();
            written += jdbc.sql("INSERT INTO customer_activity_figures (customer_id, " + STORED_COLUMNS + ") SELECT customer_id, "
                    + STORED_COLUMNS + " FROM (" + FIGURES.formatted("AND customer_id IN (:ids)", "AND c.id IN (:ids)") + ") f")
                    .params(parameters(window)).param("ids", ids).update();
        }
        return written;
    }

    /**
     * The queue entries visible now and due before the cut, as ranges of ids. An entry whose writer commits later
     * may have an id inside a range's gaps but never inside a range, so deleting by these ranges removes only what
     * was seen.
     */
    private List<long[]> queuedRanges(Object cut) {
        List<long[]> ranges = new ArrayList<>();
        jdbc.sql("SELECT id FROM customer_activity_stale WHERE due_at IS NULL OR due_at < :cut ORDER BY id")
                .param("cut", cut).withFetchSize(FETCH_SIZE).query(rs -> {
            long id = rs.getLong(1);
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == id - 1) {
                ranges.get(ranges.size() - 1)[1] = id;
            } else {
                ranges.add(new long[] {id, id});
            }
        });
        return ranges;
    }

    /** Queues customers whose orders or interactions the caller's transaction changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markStale(long... customerIds) {
        for (long id : customerIds) {
            jdbc.sql("INSERT INTO customer_activity_stale (customer_id) VALUES (:id)").param("id", id).update();
        }
    }

    /**
     * The orders or interactions of these customers changed in the caller's transaction: their monthly figures and
     * their snapshot rows follow now, in the same transaction, so that a run finds them ready.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordsChanged(long... customerIds) {
        holdOffRewrites();
        bringUpToDate(LongStream.of(customerIds).distinct().sorted().boxed().toList());
    }

    /**
     * As {@link #recordsChanged} for the customers listed in a table (column {@code customer_id}, each once), for
     * bulk writes. When most customers are listed (a big import), everything is left to the next refresh, which then
     * computes everybody in one pass.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordsChangedListed(String customerIdTable) {
        if (!IDENTIFIER.matcher(customerIdTable).matches()) {
            throw new IllegalArgumentException("not a table name: " + customerIdTable);
        }
        long listed = jdbc.sql("SELECT COUNT(*) FROM " + customerIdTable).query(Long.class).single();
        long population = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        holdOffRewrites();
        if (most(listed, population)) {
            jdbc.sql("UPDATE customer_activity_state SET months_built = FALSE WHERE id = 1").update();
            jdbc.sql("INSERT INTO customer_activity_stale (customer_id) SELECT customer_id FROM " + customerIdTable).update();
            return;
        }
        // as lists of ids: some databases run IN (SELECT ...) over a big table row by row
        bringUpToDate(jdbc.sql("SELECT customer_id FROM " + customerIdTable + " ORDER BY customer_id").query(Long.class).list());
    }

    /** Builds the customers' monthly figures and snapshot rows again and notes it, the customers locked in id order. */
    private void bringUpToDate(List<Long> ids) {
        rowLocks.lock(ids);
        months.rebuild(ids);
        recompute(ActivityWindow.asOf(time.today(), time.zone()), ids);
        long generation = generation();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            jdbc.sql("INSERT INTO customer_activity_stale (customer_id, inline_generation) SELECT id, :generation FROM customer "
                    + "WHERE id IN (:ids)").param("generation", generation)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT))).update();
        }
    }

    /**
     * Waits for a refresh that rewrites rows, and holds the next one off until the caller commits: a writer's rows and
     * a rewrite never overwrite each other. Writers do not wait for each other on PostgreSQL; databases without shared
     * row locks take them one at a time.
     */
    private void holdOffRewrites() {
        jdbc.sql("SELECT id FROM customer_activity_state WHERE id = 1 " + (dialect.postgres() ? "FOR SHARE" : "FOR UPDATE"))
                .query(Long.class).list();
    }

    private long generation() {
        return jdbc.sql("SELECT generation FROM customer_activity_state WHERE id = 1").query(Long.class).single();
    }

    /** Queues a customer again for an instant from which a record written now starts to count (an order paid later). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markStaleFrom(long customerId, Instant due) {
        jdbc.sql("INSERT INTO customer_activity_stale (customer_id, due_at) VALUES (:id, :due)")
                .param("id", customerId).param("due", JdbcTimestamps.toColumn(due)).update();
    }

    private static Map<String, Object> parameters(ActivityWindow window) {
        YearMonth month = window.month();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("first", window.firstMonth().atDay(1));
        parameters.put("month", month.atDay(1));
        parameters.put("recent", month.minusMonths(6).atDay(1));
        parameters.put("lastMonth", month.minusMonths(1).atDay(1));
        parameters.put("monthBefore", month.minusMonths(2).atDay(1));
        parameters.put("baseline", month.minusMonths(14).atDay(1));
        parameters.put("windowStart", JdbcTimestamps.toColumn(window.windowStart()));
        parameters.put("windowEnd", JdbcTimestamps.toColumn(window.windowEnd()));
        parameters.put("cut", JdbcTimestamps.toColumn(window.cut()));
        return parameters;
    }

    /** Reads rows by position into figures; times come as epoch microseconds, so a row parses no text. */
    private static final class Mapper implements RowCallbackHandler {

        private final Consumer<ActivityFigures> consumer;
        private long rows;

        Mapper(Consumer<ActivityFigures> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            double median = rs.getDouble(15);
            if (rs.wasNull()) {
                median = Double.NaN;
            }
            consumer.accept(new ActivityFigures(CustomerId.of(rs.getLong(1)), rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                    rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), instant(rs, 12), instant(rs, 13),
                    rs.getInt(14), median, rs.getInt(16), rs.getInt(17), rs.getInt(18), rs.getInt(19), instant(rs, 20),
                    rs.getInt(21)));
            rows++;
        }

        private static Instant instant(ResultSet rs, int column) throws SQLException {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null : Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L));
        }
    }
}
