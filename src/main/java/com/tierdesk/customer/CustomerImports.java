package com.tierdesk.customer;

/**
 * Bulk import of customers, orders and interactions from CSV, JSON or Excel .xlsx files, idempotent by
 * external id: re-importing a file changes nothing, an edited file updates only the changed rows.
 * Purchase aggregates are updated in the same transaction as the orders.
 */
public interface CustomerImports {

    ImportReport importFile(ImportRequest request, ImportProgress progress);
}
