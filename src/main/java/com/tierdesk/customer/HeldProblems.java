package com.tierdesk.customer;

import java.util.Iterator;
import java.util.List;

/** Problems few enough to keep in memory. */
final class HeldProblems implements ReportedProblems {

    private final List<RowProblem> problems;

    HeldProblems(List<RowProblem> problems) {
        this.problems = List.copyOf(problems);
    }

    @Override
    public long size() {
        return problems.size();
    }

    @Override
    public List<RowProblem> page(long from, int count) {
        int first = (int) Math.min(from, problems.size());
        return problems.subList(first, Math.min(problems.size(), first + count));
    }

    @Override
    public Iterator<RowProblem> iterator() {
        return problems.iterator();
    }

    @Override
    public void close() {
        // nothing to delete
    }
}
