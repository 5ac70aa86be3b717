package com.tierdesk.customer;

import java.util.function.BiConsumer;

/**
 * Bulk import of customers, orders and interactions from CSV, JSON or Excel .xlsx files, idempotent by
 * external id: re-importing a file changes nothing, an edited file updates only the changed rows.
 * Purchase aggregates are updated in the same transaction as the orders.
 */
public interface CustomerImports {

    ImportReport importFile(ImportRequest request, ImportProgress progress);

    /** The first {@code rows} rows as {@link #importFile} would read them, and their problems; writes nothing. */
    ImportPreview preview(ImportRequest request, int rows);

    /**
     * Reads the file of a finished import again and hands each of its problems, in line order, to {@code sink} with
     * the value the row held in the problem's field ({@code null} for a problem of the whole row or file).
     */
    void rejectedValues(ImportRequest request, ReportedProblems problems, BiConsumer<RowProblem, String> sink);
}
