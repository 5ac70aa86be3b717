package com.tierdesk.customer;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one import: how many rows were created, updated, unchanged or rejected, and why
 * each rejected row was refused. {@code committed} is false when nothing was written
 * (all-or-nothing with a bad row, or a problem with the whole file).
 */
public record ImportReport(ImportKind kind, ImportMode mode, String fileName, boolean committed, long rows,
        long created, long updated, long unchanged, long rejected, List<RowProblem> problems, Duration took) {

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
