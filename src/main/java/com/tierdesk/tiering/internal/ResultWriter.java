package com.tierdesk.tiering.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a run's results in the caller's transaction: on PostgreSQL with COPY in binary format (a million
 * rows in a second or two), elsewhere with JDBC batches.
 */
final class ResultWriter {

    private static final String COLUMNS = "run_id, customer_id, score, graded_tier, tier, reason, grading_rule, "
            + "downgrade_pending, previous_tier, previous_pending, raw_values, indicator_scores";
    private static final int PROGRESS_EVERY = 50_000;
    private static final int BATCH = 1_000;
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private ResultWriter() {
    }

    static void write(Connection connection, RunResults results, LongConsumer progress) throws SQLException {
        if (Databases.isPostgres(connection)) {
            copy(connection, results, progress);
        } else {
            batch(connection, results, progress);
        }
    }

    private static void copy(Connection connection, RunResults results, LongConsumer progress) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY assessment_result (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        try {
            byte[][] codes = results.tierCodes().stream().map(code -> code.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            int rowBytes = 160 + 8 * (results.rawValues().length + results.indicatorScores().length);
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(1 << 20, 4 * rowBytes));
            buffer.put(SIGNATURE).putInt(0).putInt(0);
            int written = 0;
            for (int i : results.assessed()) {
                if (buffer.remaining() < rowBytes) {
                    copy.writeToCopy(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                buffer.putShort((short) 12);
                buffer.putInt(8).putLong(results.runId());
                buffer.putInt(8).putLong(results.customerIds()[i]);
                if (Double.isNaN(results.scores()[i])) {
                    buffer.putInt(-1);
                } else {
                    buffer.putInt(8).putDouble(results.scores()[i]);
                }
                text(buffer, codes[results.graded()[i]]);
                text(buffer, codes[results.tiers()[i]]);
                buffer.putInt(2).putShort(results.reasons()[i]);
                buffer.putInt(2).putShort((short) results.gradingRules()[i]);
                buffer.putInt(1).put((byte) (results.pending()[i] ? 1 : 0));
                int previous = results.previousTiers()[i];
                if (previous < 0) {
                    buffer.putInt(-1);
                } else {
                    text(buffer, codes[previous]);
                }
                buffer.putInt(1).put((byte) (results.previousPending()[i] ? 1 : 0));
                doubles(buffer, results.rawValues(), i);
                doubles(buffer, results.indicatorScores(), i);
                if (++written % PROGRESS_EVERY == 0) {
                    progress.accept(written);
                }
            }
            buffer.putShort((short) -1);
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            copy.endCopy();
            progress.accept(written);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void text(ByteBuffer buffer, byte[] value) {
        buffer.putInt(value.length).put(value);
    }

    private static void doubles(ByteBuffer buffer, double[][] columns, int row) {
        buffer.putInt(columns.length * Double.BYTES);
        for (double[] column : columns) {
            buffer.putDouble(column[row]);
        }
    }

    private static void batch(Connection connection, RunResults results, LongConsumer progress) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO assessment_result (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int written = 0;
            for (int i : results.assessed()) {
                insert.setLong(1, results.runId());
                insert.setLong(2, results.customerIds()[i]);
                if (Double.isNaN(results.scores()[i])) {
                    insert.setNull(3, Types.DOUBLE);
                } else {
                    insert.setDouble(3, results.scores()[i]);
                }
                insert.setString(4, results.tierCode(results.graded()[i]));
                insert.setString(5, results.tierCode(results.tiers()[i]));
                insert.setShort(6, results.reasons()[i]);
                insert.setShort(7, (short) results.gradingRules()[i]);
                insert.setBoolean(8, results.pending()[i]);
                insert.setString(9, results.tierCode(results.previousTiers()[i]));
                insert.setBoolean(10, results.previousPending()[i]);
                insert.setBytes(11, RunResults.pack(results.rawValues(), i));
                insert.setBytes(12, RunResults.pack(results.indicatorScores(), i));
                insert.addBatch();
                if (++written % BATCH == 0) {
                    insert.executeBatch();
                    progress.accept(written);
                }
            }
            insert.executeBatch();
            progress.accept(written);
        }
    }
}
