package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.RowProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems of one import and how many rows they rejected. Keeps at most {@code limit} problems in
 * memory, so that a file of millions of bad rows cannot exhaust it; the report says how many more there were.
 */
final class Problems {

    private final int limit;
    private final List<RowProblem> kept = new ArrayList<>();
    private long omitted;
    private long rejectedRows;

    Problems(int limit) {
        this.limit = limit;
    }

    void add(long line, String field, String reason) {
        if (kept.size() < limit) {
            kept.add(new RowProblem(line, field, reason));
        } else {
            omitted++;
        }
    }

    void rowRejected() {
        rejectedRows++;
    }

    long rejectedRows() {
        return rejectedRows;
    }

    boolean any() {
        return rejectedRows > 0 || !kept.isEmpty();
    }

    List<RowProblem> sorted() {
        List<RowProblem> result = new ArrayList<>(kept);
        result.sort(Comparator.comparingLong(RowProblem::line));
        if (omitted > 0) {
            result.add(new RowProblem(0, null, omitted + " more problems are not listed"));
        }
        return result;
    }
}
