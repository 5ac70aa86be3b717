package com.tierdesk.customer.internal.imports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A temporary table that holds the validated rows of one file until they are merged; dropped at commit.
 *
 * @param primaryKey the key columns, or {@code null}; declared with the table because some databases
 *                   commit the transaction when an index is created later
 */
record StageTable(String name, List<Column> columns, String primaryKey) {

    StageTable(String name, List<Column> columns) {
        this(name, columns, null);
    }

    record Column(String name, String type) {
    }

    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String definition() {
        String definition = columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
        return primaryKey == null ? definition : definition + ", PRIMARY KEY (" + primaryKey + ")";
    }
}
