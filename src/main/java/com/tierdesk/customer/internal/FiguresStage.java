package com.tierdesk.customer.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.shared.CopyText;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes activity figures in bulk, in the caller's transaction: into a temporary stage (dropped at commit) whose rows
 * then replace those of the same customers in the snapshot, or straight into an emptied snapshot whose lifetime
 * figures were put aside first. PostgreSQL loads rows with COPY, other databases with JDBC batches.
 */
final class FiguresStage implements AutoCloseable {

    private static final String TABLE = "activity_figures_stage";
    private static final String SNAPSHOT = "customer_activity_figures";
    /** The lifetime figures of every customer, put aside while the snapshot is written again. */
    static final String LIFETIME = "activity_lifetime";
    private static final String LIFETIME_COLUMNS = """
            customer_id, industry, registered_on, first_paid_at, last_paid_at, lifetime_paid_orders, last_cart_at""";
    private static final String LIFETIME_DEFINITION = """
            customer_id BIGINT NOT NULL, industry VARCHAR(64), registered_on DATE, first_paid_at TIMESTAMP WITH TIME ZONE,
            last_paid_at TIMESTAMP WITH TIME ZONE, lifetime_paid_orders INTEGER NOT NULL,
            last_cart_at TIMESTAMP WITH TIME ZONE, PRIMARY KEY (customer_id)""";
    private static final String COLUMNS = """
            customer_id, industry, registered_on, spend_cents, paid_orders, active_months, orders_recent_half,
            orders_earlier_half, spend_last_month_cents, spend_month_before_cents, spend_baseline_cents, first_paid_at,
            last_paid_at, lifetime_paid_orders, median_pay_minutes, complaints, referrals, interactions, new_needs,
            last_cart_at, baseline_active_months""";
    private static final String DEFINITION = """
            customer_id BIGINT NOT NULL, industry VARCHAR(64), registered_on DATE, spend_cents BIGINT NOT NULL,
            paid_orders INTEGER NOT NULL, active_months INTEGER NOT NULL, orders_recent_half INTEGER NOT NULL,
            orders_earlier_half INTEGER NOT NULL, spend_last_month_cents BIGINT NOT NULL,
            spend_month_before_cents BIGINT NOT NULL, spend_baseline_cents BIGINT NOT NULL,
            first_paid_at TIMESTAMP WITH TIME ZONE, last_paid_at TIMESTAMP WITH TIME ZONE,
            lifetime_paid_orders INTEGER NOT NULL, median_pay_minutes DOUBLE PRECISION, complaints INTEGER NOT NULL,
            referrals INTEGER NOT NULL, interactions INTEGER NOT NULL, new_needs INTEGER NOT NULL,
            last_cart_at TIMESTAMP WITH TIME ZONE, baseline_active_months INTEGER NOT NULL""";
    private static final int CHUNK = 10_000;

    private final DataSource dataSource;
    private final Connection connection;
    private final boolean postgres;
    private final String table;
    private final List<ActivityFigures> pending = new ArrayList<>(CHUNK);

    private FiguresStage(DataSource dataSource, Connection connection, boolean postgres, String table) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.postgres = postgres;
        this.table = table;
    }

    /** Opens an empty stage on the transaction's connection. */
    static FiguresStage open(DataSource dataSource) {
        return on(dataSource, TABLE, (statement, postgres) -> {
            // a transaction may stage twice
            statement.execute(temporary(postgres, TABLE, DEFINITION));
            statement.executeUpdate("DELETE FROM " + TABLE);
        });
    }

    /**
     * Puts every customer's lifetime figures aside in {@value #LIFETIME} and empties the snapshot, whose rows are
     * then written straight into it (in customer order, so that it reads back in order).
     */
    static FiguresStage replacingSnapshot(DataSource dataSource) {
        return on(dataSource, SNAPSHOT, (statement, postgres) -> {
            statement.execute(temporary(postgres, LIFETIME, LIFETIME_DEFINITION));
            statement.executeUpdate("DELETE FROM " + LIFETIME);
            statement.executeUpdate("INSERT INTO " + LIFETIME + " (" + LIFETIME_COLUMNS + ") SELECT " + LIFETIME_COLUMNS
                    + " FROM " + SNAPSHOT + " ORDER BY customer_id");
            if (postgres) {
                // temporary tables are never analysed in the background; the join below needs their size
                statement.execute("ANALYZE " + LIFETIME);
            }
            // TRUNCATE leaves no dead rows behind; it waits for readers, and runs wait for this refresh anyway
            statement.executeUpdate(postgres ? "TRUNCATE " + SNAPSHOT : "DELETE FROM " + SNAPSHOT);
        });
    }

    private interface Preparation {
        void prepare(Statement statement, boolean postgres) throws SQLException;
    }

    private static FiguresStage on(DataSource dataSource, String table, Preparation preparation) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            preparation.prepare(statement, postgres);
            return new FiguresStage(dataSource, connection, postgres, table);
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("preparing to write activity figures failed: " + e.getMessage(), e);
        }
    }

    private static String temporary(boolean postgres, String name, String definition) {
        return postgres ? "CREATE TEMPORARY TABLE IF NOT EXISTS " + name + " (" + definition + ") ON COMMIT DROP"
                : "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + name + " (" + definition + ") ON COMMIT DROP TRANSACTIONAL";
    }

    void add(ActivityFigures figures) {
        pending.add(figures);
        if (pending.size() == CHUNK) {
            flush();
        }
    }

    /** Replaces the snapshot rows of the staged customers. */
    void replaceStaged() {
        flush();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + SNAPSHOT + " WHERE customer_id IN (SELECT customer_id FROM " + TABLE + ")");
            statement.executeUpdate("INSERT INTO " + SNAPSHOT + " (" + COLUMNS + ") SELECT " + COLUMNS
                    + " FROM " + TABLE + " ORDER BY customer_id");
        } catch (SQLException e) {
            throw new IllegalStateException("replacing the activity snapshot failed: " + e.getMessage(), e);
        }
    }

    /** Writes what is still held back. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            if (postgres) {
                copy();
            } else {
                insert();
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("staging the activity snapshot failed: " + e.getMessage(), e);
        }
        pending.clear();
    }

    private void copy() throws SQLException, IOException {
        StringBuilder text = new StringBuilder(pending.size() * 160);
        for (ActivityFigures f : pending) {
            text.append(f.customerId().value()).append('\t');
            if (f.industry() == null) {
                text.append("\\N");
            } else {
                CopyText.appendEscaped(text, f.industry());
            }
            text.append('\t').append(f.registeredOn() == null ? "\\N" : f.registeredOn().toString())
                    .append('\t').append(f.spendCents()).append('\t').append(f.paidOrders())
                    .append('\t').append(f.activeMonths()).append('\t').append(f.ordersRecentHalf())
                    .append('\t').append(f.ordersEarlierHalf()).append('\t').append(f.spendLastMonthCents())
                    .append('\t').append(f.spendMonthBeforeCents()).append('\t').append(f.spendBaselineCents())
                    .append('\t').append(text(f.firstPaidAt())).append('\t').append(text(f.lastPaidAt()))
                    .append('\t').append(f.lifetimePaidOrders())
                    .append('\t').append(Double.isNaN(f.medianPayMinutes()) ? "\\N" : Double.toString(f.medianPayMinutes()))
                    .append('\t').append(f.complaints()).append('\t').append(f.referrals())
                    .append('\t').append(f.interactions()).append('\t').append(f.newNeeds())
                    .append('\t').append(text(f.lastCartAt())).append('\t').append(f.baselineActiveMonths()).append('\n');
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN",
                new StringReader(text.toString()), 256 * 1024);
    }

    private static String text(Instant instant) {
        return instant == null ? "\\N" : instant.toString();
    }

    private void insert() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ActivityFigures f : pending) {
                insert.setLong(1, f.customerId().value());
                insert.setString(2, f.industry());
                insert.setObject(3, f.registeredOn());
                insert.setLong(4, f.spendCents());
                insert.setInt(5, f.paidOrders());
                insert.setInt(6, f.activeMonths());
                insert.setInt(7, f.ordersRecentHalf());
                insert.setInt(8, f.ordersEarlierHalf());
                insert.setLong(9, f.spendLastMonthCents());
                insert.setLong(10, f.spendMonthBeforeCents());
                insert.setLong(11, f.spendBaselineCents());
                insert.setObject(12, column(f.firstPaidAt()));
                insert.setObject(13, column(f.lastPaidAt()));
                insert.setInt(14, f.lifetimePaidOrders());
                if (Double.isNaN(f.medianPayMinutes())) {
                    insert.setNull(15, Types.DOUBLE);
                } else {
                    insert.setDouble(15, f.medianPayMinutes());
                }
                insert.setInt(16, f.complaints());
                insert.setInt(17, f.referrals());
                insert.setInt(18, f.interactions());
                insert.setInt(19, f.newNeeds());
                insert.setObject(20, column(f.lastCartAt()));
                insert.setInt(21, f.baselineActiveMonths());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Object column(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public void close() {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}
