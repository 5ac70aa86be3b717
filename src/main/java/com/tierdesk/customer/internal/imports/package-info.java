/**
 * Bulk import of customers, orders and interactions: files are streamed, every row is validated in
 * Java, good rows are staged in a temporary table (COPY on PostgreSQL, JDBC batches elsewhere) and
 * merged into the hub with set-based SQL in one transaction per file.
 */
package com.tierdesk.customer.internal.imports;
