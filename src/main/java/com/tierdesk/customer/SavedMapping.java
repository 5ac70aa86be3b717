package com.tierdesk.customer;

import java.time.Instant;

/**
 * Import settings saved by name, shared by everyone who imports: what the file holds and how its columns are read.
 *
 * @param columnMapping  one {@code column=field} per line ({@code -} ignores the column)
 * @param constantFields one {@code field=value} per line
 * @param externalIdFrom the fields an external id is derived from, comma-separated, or {@code null}
 * @param savedBy        who saved them last
 */
public record SavedMapping(String name, ImportKind kind, String columnMapping, String delimiter, String constantFields,
        String externalIdFrom, boolean createMissingCustomers, String charset, String savedBy, Instant savedAt) {
}
