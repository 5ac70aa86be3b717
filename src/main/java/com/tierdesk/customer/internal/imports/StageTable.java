package com.tierdesk.customer.internal.imports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A temporary table that holds the validated rows of one file until they are merged; dropped at commit.
 *
 * @param key               the columns rows are looked up by, or {@code null}
 * @param indexedOnPostgres whether PostgreSQL needs the key indexed too (after loading, which is cheaper than
 *                          maintaining it row by row); other databases get it as the primary key at creation,
 *                          because some commit the transaction when an index is created later
 */
record StageTable(String name, List<Column> columns, String key, boolean indexedOnPostgres) {

    record Column(String name, String type) {
    }

    String columnList() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String definition() {
        return columns.stream().map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", "));
    }
}
