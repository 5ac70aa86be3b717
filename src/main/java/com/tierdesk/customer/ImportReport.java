package com.tierdesk.customer;

import java.time.Duration;

/**
 * The outcome of one import: how many rows were created, updated, unchanged or rejected, how many customers an
 * import of orders or interactions created for codes it did not know ({@code --create-missing-customers}), and why
 * each rejected row was refused, every problem listed. {@code committed} is false when nothing was written
 * (all-or-nothing with a bad row, or a problem with the whole file). Close the report when done with it: a long
 * list of problems is kept in a temporary file.
 */
public record ImportReport(ImportKind kind, ImportMode mode, String fileName, boolean committed, long rows,
        long created, long updated, long unchanged, long rejected, long customersCreated, ReportedProblems problems, Duration took)
        implements AutoCloseable {

    public boolean hasProblems() {
        return problems.size() > 0;
    }

    @Override
    public void close() {
        problems.close();
    }
}
