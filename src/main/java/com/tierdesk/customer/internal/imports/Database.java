package com.tierdesk.customer.internal.imports;

import java.sql.Connection;
import java.sql.SQLException;

/** The database an import writes to: PostgreSQL gets COPY and its upsert, anything else portable SQL with JDBC batches. */
enum Database {
    POSTGRESQL, PORTABLE;

    static Database of(Connection connection) throws SQLException {
        return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()) ? POSTGRESQL : PORTABLE;
    }

    String createTemporary(StageTable table) {
        return switch (this) {
            case POSTGRESQL -> "CREATE TEMPORARY TABLE " + table.name() + " (" + table.definition() + ") ON COMMIT DROP";
            case PORTABLE -> "CREATE LOCAL TEMPORARY TABLE " + table.name() + " (" + table.definition()
                    + (table.key() == null ? "" : ", PRIMARY KEY (" + table.key() + ")") + ") ON COMMIT DROP TRANSACTIONAL";
        };
    }

    /** The statement that indexes a loaded stage table, or {@code null} when it needs none (or has it already). */
    String indexLoaded(StageTable table) {
        return this == POSTGRESQL && table.indexedOnPostgres()
                ? "CREATE INDEX " + table.name() + "_key ON " + table.name() + " (" + table.key() + ")" : null;
    }

    StageWriter writer(Connection connection, StageTable table) throws SQLException {
        return switch (this) {
            case POSTGRESQL -> new CopyStageWriter(connection, table);
            case PORTABLE -> new BatchStageWriter(connection, table);
        };
    }
}
