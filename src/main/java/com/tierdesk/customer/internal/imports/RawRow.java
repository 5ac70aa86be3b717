package com.tierdesk.customer.internal.imports;

import com.tierdesk.shared.Reason;

/**
 * One row of a file, its values already placed by TierDesk field (index into the kind's fields).
 *
 * @param line    the 1-based line in a CSV file or element in a JSON array
 * @param problem why the row as a whole cannot be read (e.g. more values than columns), or {@code null}
 */
record RawRow(long line, String[] values, Reason problem) {
}
