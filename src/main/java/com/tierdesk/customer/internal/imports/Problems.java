package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.ReportedProblems;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.shared.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The problems of one import and how many rows they rejected. Problems come in runs, each in line order: the rows
 * as they are read, then every check of the staged rows against the whole file or the database. A run is held in
 * memory up to a limit and goes to a temporary file beyond it, so that millions of bad rows take no more memory
 * than a few; the report merges the runs into one list in line order, held or in a file again.
 */
final class Problems implements AutoCloseable {

    private final Path directory;
    private final int held;
    private final List<Run> runs = new ArrayList<>();
    private long count;
    private long rejectedRows;

    /**
     * @param directory where problems beyond the limit are written
     * @param held      the most problems of a run held in memory
     */
    Problems(Path directory, int held) {
        this.directory = directory;
        this.held = held;
        runs.add(new Run());
    }

    /** Starts a new run: the problems added from now on are in line order among themselves. */
    void nextRun() {
        runs.add(new Run());
    }

    void add(long line, String field, Reason reason) {
        runs.get(runs.size() - 1).add(new RowProblem(line, field, reason));
        count++;
    }

    void rowRejected() {
        rejectedRows++;
    }

    long rejectedRows() {
        return rejectedRows;
    }

    boolean any() {
        return rejectedRows > 0 || count > 0;
    }

    /**
     * Every problem in line order; on the same line, the problems of an earlier run first. The runs are
     * consumed: ask once.
     */
    ReportedProblems report() {
        List<Iterator<RowProblem>> sources = runs.stream().map(Run::read).toList();
        try {
            if (count <= held) {
                List<RowProblem> merged = new ArrayList<>((int) count);
                merge(sources, merged::add);
                return ReportedProblems.of(merged);
            }
            try (ProblemFile.Writer writer = ProblemFile.create(directory)) {
                merge(sources, writer::write);
                return writer.finish();
            }
        } finally {
            close();
        }
    }

    /** Merges runs in line order, taking from the earliest run on a tie: runs are few, so each step looks at all. */
    private static void merge(List<Iterator<RowProblem>> sources, Consumer<RowProblem> into) {
        RowProblem[] heads = new RowProblem[sources.size()];
        for (int i = 0; i < heads.length; i++) {
            heads[i] = sources.get(i).hasNext() ? sources.get(i).next() : null;
        }
        while (true) {
            int first = -1;
            for (int i = 0; i < heads.length; i++) {
                if (heads[i] != null && (first < 0 || heads[i].line() < heads[first].line())) {
                    first = i;
                }
            }
            if (first < 0) {
                return;
            }
            into.accept(heads[first]);
            heads[first] = sources.get(first).hasNext() ? sources.get(first).next() : null;
        }
    }

    /** Deletes the files of the runs. */
    @Override
    public void close() {
        runs.forEach(Run::discard);
    }

    /** The problems of one run: in memory up to the limit, then in a file. */
    private final class Run {

        private final List<RowProblem> kept = new ArrayList<>();
        private ProblemFile.Writer spill;
        private ProblemFile spilled;

        void add(RowProblem problem) {
            if (spill != null) {
                spill.write(problem);
                return;
            }
            kept.add(problem);
            if (kept.size() > held) {
                spill = ProblemFile.create(directory);
                kept.forEach(spill::write);
                kept.clear();
            }
        }

        Iterator<RowProblem> read() {
            if (spill == null) {
                return kept.iterator();
            }
            spilled = spill.finish();
            return spilled.iterator();
        }

        void discard() {
            if (spill != null) {
                spill.close();
            }
            if (spilled != null) {
                spilled.close();
            }
        }
    }
}
