package com.tierdesk.customer;

import java.util.List;

/**
 * Every problem of one import, in line order (problems with the whole file, line 0, first). Few are held in memory;
 * many are read from a temporary file as they are iterated, so that a file of millions of bad rows is reported
 * whole in flat memory. They can be read any number of times until the report is closed, which deletes the file.
 */
public interface ReportedProblems extends Iterable<RowProblem>, AutoCloseable {

    /** How many problems there are. */
    long size();

    /** The problems from the {@code from}-th (counting from 0), at most {@code count} of them. */
    List<RowProblem> page(long from, int count);

    /** Deletes the file the problems are kept in, if any; they cannot be read afterwards. */
    @Override
    void close();

    /** Problems held in memory. */
    static ReportedProblems of(List<RowProblem> problems) {
        return new HeldProblems(problems);
    }
}
