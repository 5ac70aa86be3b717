package com.tierdesk.tiering.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A run's results unpacked into {@link #TABLE} for the set-based statements of publishing, which select the run's
 * rows: one row per customer with the tier, score and hysteresis flag of the run and the state it was decided
 * against. The rows live until the caller's transaction ends: on PostgreSQL in a temporary table, on H2 in a table of
 * the schema (db/vendor/h2), emptied of the run before the commit, because creating or dropping a table in H2 locks its
 * schema until the transaction ends, and another run unpacked meanwhile (an approval during a publication) timed out.
 */
final class PublishingStage {

    static final String TABLE = "publishing_result";
    private static final String COLUMNS = "run_id, customer_id, tier, score, downgrade_pending, previous_tier, previous_pending";
    private static final String DEFINITION = "run_id BIGINT NOT NULL, customer_id BIGINT NOT NULL, tier VARCHAR(32) NOT NULL, "
            + "score DOUBLE PRECISION, downgrade_pending BOOLEAN NOT NULL, previous_tier VARCHAR(32), "
            + "previous_pending BOOLEAN NOT NULL, PRIMARY KEY (run_id, customer_id)";
    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int BATCH = 5_000;

    private PublishingStage() {
    }

    static void stage(DataSource dataSource, long runId, List<String> tiers) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            boolean postgres = Databases.isPostgres(connection);
            if (postgres) {
                // no DROP: the table goes with the transaction
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + TABLE + " (" + DEFINITION + ") ON COMMIT DROP");
                    statement.execute("DELETE FROM " + TABLE);
                }
                copy(connection, dataSource, runId, tiers);
                try (var statement = connection.createStatement()) {
                    statement.execute("ANALYZE " + TABLE);
                }
            } else {
                removeRun(connection, runId);
                batch(connection, dataSource, runId, tiers);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        Connection current = DataSourceUtils.getConnection(dataSource);
                        try {
                            removeRun(current, runId);
                        } catch (SQLException e) {
                            throw new IllegalStateException("clearing run " + runId + " after publishing failed", e);
                        } finally {
                            DataSourceUtils.releaseConnection(current, dataSource);
                        }
                    }
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("unpacking run " + runId + " for publishing failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void removeRun(Connection connection, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    private static void copy(Connection connection, DataSource dataSource, long runId, List<String> tiers) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE + " (" + COLUMNS
                + ") FROM STDIN (FORMAT binary)");
        byte[][] codes = tiers.stream().map(code -> code.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        try {
            copy.writeToCopy(ByteBuffer.allocate(SIGNATURE.length + 8).put(SIGNATURE).putInt(0).putInt(0).array(), 0,
                    SIGNATURE.length + 8);
            forEachChunk(dataSource, runId, chunk -> {
                ByteBuffer rows = ByteBuffer.allocate(chunk.size() * 132);
                for (int i = 0; i < chunk.size(); i++) {
                    rows.putShort((short) 7);
                    rows.putInt(8).putLong(runId);
                    rows.putInt(8).putLong(chunk.customerIds()[i]);
                    byte[] tier = codes[chunk.tiers()[i]];
                    rows.putInt(tier.length).put(tier);
                    if (Double.isNaN(chunk.scores()[i])) {
                        rows.putInt(-1);
                    } else {
                        rows.putInt(8).putDouble(chunk.scores()[i]);
                    }
                    rows.putInt(1).put((byte) (chunk.pending(i) ? 1 : 0));
                    if (chunk.previousTiers()[i] < 0) {
                        rows.putInt(-1);
                    } else {
                        byte[] previous = codes[chunk.previousTiers()[i]];
                        rows.putInt(previous.length).put(previous);
                    }
                    rows.putInt(1).put((byte) (chunk.previouslyPending(i) ? 1 : 0));
                }
                try {
                    copy.writeToCopy(rows.array(), 0, rows.position());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            copy.writeToCopy(new byte[] {-1, -1}, 0, 2);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * The run's chunks, read on a connection of their own: COPY occupies the transaction's connection until it
     * ends (the chunks were committed when the run was scored).
     */
    private static void forEachChunk(DataSource dataSource, long runId, java.util.function.Consumer<ResultChunk> consumer)
            throws SQLException {
        try (Connection reading = dataSource.getConnection();
             PreparedStatement select = BinaryResults.prepare(reading, ResultStore.CHUNKS_OF_RUN)) {
            reading.setAutoCommit(false);
            select.setFetchSize(ResultStore.CHUNKS_PER_FETCH);
            select.setLong(1, runId);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(ResultChunk.decode(rows.getBytes(1)));
                }
            }
            reading.commit();
        }
    }

    private static void batch(Connection connection, DataSource dataSource, long runId, List<String> tiers) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int[] pending = {0};
            forEachChunk(dataSource, runId, chunk -> {
                try {
                    for (int i = 0; i < chunk.size(); i++) {
                        insert.setLong(1, runId);
                        insert.setLong(2, chunk.customerIds()[i]);
                        insert.setString(3, tiers.get(chunk.tiers()[i]));
                        if (Double.isNaN(chunk.scores()[i])) {
                            insert.setNull(4, Types.DOUBLE);
                        } else {
                            insert.setDouble(4, chunk.scores()[i]);
                        }
                        insert.setBoolean(5, chunk.pending(i));
                        insert.setString(6, chunk.previousTiers()[i] < 0 ? null : tiers.get(chunk.previousTiers()[i]));
                        insert.setBoolean(7, chunk.previouslyPending(i));
                        insert.addBatch();
                        if (++pending[0] % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            insert.executeBatch();
        }
    }
}
