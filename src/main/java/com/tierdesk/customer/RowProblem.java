package com.tierdesk.customer;

import com.tierdesk.shared.Reason;

/**
 * Why one row (or the whole file, line 0) of an import was refused.
 *
 * @param line   the 1-based line in a CSV file (the header is line 1) or the 1-based element in a JSON array; 0 for the file
 * @param field  TierDesk's field name, or {@code null} when the problem is not one field's
 * @param reason why, in no language yet: the console, the API and the command line word it for their reader
 */
public record RowProblem(long line, String field, Reason reason) {
}
