package com.tierdesk.tiering.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a run's results in the caller's transaction as chunks of consecutive customers: on PostgreSQL with
 * COPY in binary format, elsewhere with a JDBC batch. Customers are stored in id order, so that a chunk covers a
 * range of ids and one customer's result is found by reading one chunk.
 */
final class ResultWriter {

    /**
     * Customers per chunk: a chunk's bytes (about 300 KB with six metrics) stay under the size from which the JVM's
     * collector places an array on its own (humongous) and starts a marking cycle early, and reading one customer's
     * result reads no more than that.
     */
    static final int CHUNK = 2_048;
    private static final String COLUMNS = "run_id, chunk, first_customer_id, last_customer_id, customers, data";
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    private ResultWriter() {
    }

    static void write(Connection connection, RunResults results, LongConsumer progress) throws SQLException {
        int[] ordered = inCustomerOrder(results);
        if (Databases.isPostgres(connection)) {
            copy(connection, results, ordered, progress);
        } else {
            batch(connection, results, ordered, progress);
        }
    }

    private static void copy(Connection connection, RunResults results, int[] ordered, LongConsumer progress) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY assessment_result_chunk (" + COLUMNS + ") FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(ByteBuffer.allocate(SIGNATURE.length + 8).put(SIGNATURE).putInt(0).putInt(0).array(), 0,
                    SIGNATURE.length + 8);
            ByteBuffer data = null;
            for (int from = 0, chunk = 0; from < ordered.length; from += CHUNK, chunk++) {
                int to = Math.min(ordered.length, from + CHUNK);
                data = ResultChunk.encode(results, ordered, from, to, data);
                ByteBuffer fields = ByteBuffer.allocate(2 + 4 * 6 + 8 + 4 + 8 + 8 + 4);
                fields.putShort((short) 6);
                fields.putInt(8).putLong(results.runId());
                fields.putInt(4).putInt(chunk);
                fields.putInt(8).putLong(results.customerIds()[ordered[from]]);
                fields.putInt(8).putLong(results.customerIds()[ordered[to - 1]]);
                fields.putInt(4).putInt(to - from);
                fields.putInt(data.position());
                copy.writeToCopy(fields.array(), 0, fields.position());
                copy.writeToCopy(data.array(), 0, data.position());
                progress.accept(to);
            }
            copy.writeToCopy(new byte[] {-1, -1}, 0, 2);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void batch(Connection connection, RunResults results, int[] ordered, LongConsumer progress) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO assessment_result_chunk (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int from = 0, chunk = 0; from < ordered.length; from += CHUNK, chunk++) {
                int to = Math.min(ordered.length, from + CHUNK);
                insert.setLong(1, results.runId());
                insert.setInt(2, chunk);
                insert.setLong(3, results.customerIds()[ordered[from]]);
                insert.setLong(4, results.customerIds()[ordered[to - 1]]);
                insert.setInt(5, to - from);
                insert.setBytes(6, ResultChunk.encode(results, ordered, from, to));
                insert.addBatch();
            }
            insert.executeBatch();
            progress.accept(ordered.length);
        }
    }

    /** The assessed customers' positions ordered by customer id (usually already so: the population is read in id order). */
    static int[] inCustomerOrder(RunResults results) {
        int[] assessed = results.assessed();
        long[] ids = results.customerIds();
        boolean ascending = true;
        for (int p = 1; p < assessed.length && ascending; p++) {
            ascending = ids[assessed[p]] > ids[assessed[p - 1]];
        }
        if (ascending) {
            return assessed;
        }
        return Arrays.stream(assessed).boxed().sorted((a, b) -> Long.compare(ids[a], ids[b])).mapToInt(Integer::intValue).toArray();
    }
}
