package com.tierdesk.customer.internal;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.CustomerId;
import com.tierdesk.shared.BinaryCopyReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Reads the activity snapshot from PostgreSQL with COPY in binary format: per customer the id, the industry and the
 * figures packed into one value by the database ({@code packed}, V153), which COPY sends about four times faster than
 * the same figures as twenty columns. The packed layout is the migration's: a bitmask of the NULL columns, then the
 * columns big-endian.
 */
final class SnapshotCopy {

    /** PostgreSQL counts dates and timestamps from 2000-01-01. */
    private static final long EPOCH_2000_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_2000_MICROS = EPOCH_2000_DAYS * 86_400_000_000L;
    private static final int PACKED_BYTES = 4 + 4 + 8 + 4 * 4 + 8 * 3 + 8 * 2 + 4 + 8 + 4 * 4 + 8 + 4;
    private static final int REGISTERED_ON_NULL = 1;
    private static final int FIRST_PAID_NULL = 2;
    private static final int LAST_PAID_NULL = 4;
    private static final int MEDIAN_NULL = 8;
    private static final int LAST_CART_NULL = 16;

    private SnapshotCopy() {
    }

    /** @param where the rows to read, a condition on the snapshot's columns */
    static long read(Connection connection, String where, Consumer<ActivityFigures> consumer) throws SQLException, IOException {
        long rows = 0;
        try (var in = new BinaryCopyReader(connection, "COPY (SELECT customer_id, industry, packed FROM "
                + "customer_activity_figures WHERE " + where + ") TO STDOUT (FORMAT binary)")) {
            while (in.nextRow()) {
                long customer = in.int8(0);
                String industry = in.text();
                int length = in.length();
                if (length != PACKED_BYTES) {
                    throw new IOException("customer " + customer + ": packed figures of " + length + " bytes, not " + PACKED_BYTES);
                }
                int nulls = in.raw4();
                int registeredOn = in.raw4();
                long spend = in.raw8();
                int paidOrders = in.raw4();
                int activeMonths = in.raw4();
                int recentHalf = in.raw4();
                int earlierHalf = in.raw4();
                long lastMonth = in.raw8();
                long monthBefore = in.raw8();
                long baseline = in.raw8();
                long firstPaid = in.raw8();
                long lastPaid = in.raw8();
                int lifetime = in.raw4();
                long median = in.raw8();
                int complaints = in.raw4();
                int referrals = in.raw4();
                int interactions = in.raw4();
                int newNeeds = in.raw4();
                long lastCart = in.raw8();
                int baselineActiveMonths = in.raw4();
                consumer.accept(new ActivityFigures(CustomerId.of(customer), industry,
                        (nulls & REGISTERED_ON_NULL) != 0 ? null : LocalDate.ofEpochDay(EPOCH_2000_DAYS + registeredOn),
                        spend, paidOrders, activeMonths, recentHalf, earlierHalf, lastMonth, monthBefore, baseline,
                        (nulls & FIRST_PAID_NULL) != 0 ? null : instant(firstPaid),
                        (nulls & LAST_PAID_NULL) != 0 ? null : instant(lastPaid), lifetime,
                        (nulls & MEDIAN_NULL) != 0 ? Double.NaN : Double.longBitsToDouble(median), complaints, referrals,
                        interactions, newNeeds, (nulls & LAST_CART_NULL) != 0 ? null : instant(lastCart),
                        baselineActiveMonths));
                rows++;
            }
        }
        return rows;
    }

    private static Instant instant(long micros2000) {
        long micros = micros2000 + EPOCH_2000_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }
}
