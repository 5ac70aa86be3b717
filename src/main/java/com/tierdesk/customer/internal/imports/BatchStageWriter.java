package com.tierdesk.customer.internal.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/** Inserts rows into a stage table with large JDBC batches, for databases without COPY. */
final class BatchStageWriter implements StageWriter {

    private static final int BATCH = 5_000;

    private final Connection connection;
    private final String sql;

    BatchStageWriter(Connection connection, StageTable table) {
        this.connection = connection;
        this.sql = "INSERT INTO " + table.name() + " (" + table.columnList() + ") VALUES ("
                + String.join(", ", Collections.nCopies(table.columns().size(), "?")) + ")";
    }

    @Override
    public void write(List<Object[]> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    Object value = row[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : row[i];
                    insert.setObject(i + 1, value);
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
