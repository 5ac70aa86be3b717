package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.RowImporter;
import com.tierdesk.shared.Reason;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Imports a file through a {@link RowImporter} in three streamed passes, so that memory holds a chunk of rows and
 * not the file: the first reads and checks every row by itself and finds external ids used twice; the second checks
 * the rows that read well against the database, a chunk at a time, in line order; the third, when the mode lets
 * anything be written, writes the rows to create, a chunk at a time. Nothing is written before every row is checked.
 */
final class RowImporterRun<R> {

    /** Opens the file again for another pass, as the first one read it. */
    @FunctionalInterface
    interface Reader {
        RowSource open() throws IOException;
    }

    record Counts(boolean committed, long rows, long created, long unchanged) {
    }

    private final RowImporterTarget<R> target;
    private final RowImporter<R> importer;
    private final Supplier<BulkCustomerImports.RowPreparation> preparations;
    private final Reader reader;
    private final Problems problems;
    private final ZoneId zone;
    private final LocalDate today;
    private final int chunkRows;
    private final int progressEvery;
    /** Rows still to be written, by line: set when a row reads well, cleared when it is refused or unchanged. */
    private final BitSet pending = new BitSet();
    /** The external ids used more than once, each with how often and its first line. */
    private final Map<String, long[]> duplicated = new HashMap<>();

    RowImporterRun(RowImporterTarget<R> target, Supplier<BulkCustomerImports.RowPreparation> preparations, Reader reader,
            Problems problems, ZoneId zone, LocalDate today, int chunkRows, int progressEvery) {
        this.target = target;
        this.importer = target.importer();
        this.preparations = preparations;
        this.reader = reader;
        this.problems = problems;
        this.zone = zone;
        this.today = today;
        this.chunkRows = chunkRows;
        this.progressEvery = progressEvery;
    }

    /** Reads, checks and (as the mode allows) writes the file; {@code source} is the open first pass. */
    Counts run(RowSource source, ImportMode mode, ImportProgress progress, long size) throws IOException {
        long rows = read(source, progress, size);
        long unchanged = check();
        long toCreate = pending.cardinality();
        if (problems.any() && (mode == ImportMode.ALL_OR_NOTHING || toCreate + unchanged == 0)) {
            return new Counts(false, rows, 0, 0);
        }
        long created = toCreate == 0 ? 0 : write(progress, size);
        return new Counts(true, rows, created, unchanged);
    }

    private long read(RowSource source, ImportProgress progress, long size) {
        var preparation = preparations.get();
        var check = new RowCheck(target.fields(), problems, zone, today);
        Map<String, Long> firstLines = new HashMap<>();
        long rows = 0;
        for (RawRow row = source.next(); row != null; row = source.next()) {
            rows++;
            check.start(preparation.prepare(row));
            R record = target.read(check);
            if (record != null) {
                pending.set(Math.toIntExact(row.line()));
                String key = importer.externalId(record);
                Long first = firstLines.putIfAbsent(key, row.line());
                if (first != null) {
                    duplicated.computeIfAbsent(key, k -> new long[] {1, first})[0]++;
                }
            }
            if (rows % progressEvery == 0) {
                progress.progress(rows, source.bytesRead(), size);
            }
        }
        progress.progress(rows, source.bytesRead(), size);
        return rows;
    }

    /** Returns how many rows are unchanged; their lines and those of refused rows leave {@link #pending}. */
    private long check() throws IOException {
        problems.nextRun();
        long[] unchanged = {0};
        forEachPending(chunk -> {
            List<Line<R>> checked = new ArrayList<>(chunk.size());
            for (Line<R> line : chunk) {
                long[] duplicate = duplicated.get(importer.externalId(line.record()));
                if (duplicate != null) {
                    refuse(line.line(), "external_id", Reason.of("problem.import.duplicate",
                            importer.externalId(line.record()), duplicate[0], duplicate[1]));
                } else {
                    checked.add(line);
                }
            }
            List<RowImporter.Verdict> verdicts = checked.isEmpty() ? List.of()
                    : importer.check(checked.stream().map(Line::record).toList());
            for (int i = 0; i < checked.size(); i++) {
                RowImporter.Verdict verdict = verdicts.get(i);
                long line = checked.get(i).line();
                switch (verdict.outcome()) {
                    case REFUSED -> refuse(line, verdict.field(), verdict.reason());
                    case UNCHANGED -> {
                        unchanged[0]++;
                        pending.clear(Math.toIntExact(line));
                    }
                    case CREATE -> { }
                }
            }
        }, null, 0);
        return unchanged[0];
    }

    private void refuse(long line, String field, Reason reason) {
        problems.add(line, field, reason);
        problems.rowRejected();
        pending.clear(Math.toIntExact(line));
    }

    private long write(ImportProgress progress, long size) throws IOException {
        long[] written = {0};
        forEachPending(chunk -> {
            importer.write(chunk.stream().map(Line::record).toList());
            written[0] += chunk.size();
        }, progress, size);
        return written[0];
    }

    /** Reads the file again and hands the rows still pending on, a chunk at a time in line order. */
    private void forEachPending(ChunkHandler<R> handler, ImportProgress progress, long size) throws IOException {
        // the rows were checked in the first pass: a second look reads them alike and finds nothing to report
        var quiet = new Problems(null, Integer.MAX_VALUE);
        try (RowSource source = reader.open(); quiet) {
            var preparation = preparations.get();
            var check = new RowCheck(target.fields(), quiet, zone, today);
            List<Line<R>> chunk = new ArrayList<>(chunkRows);
            long rows = 0;
            for (RawRow row = source.next(); row != null; row = source.next()) {
                rows++;
                // every row is prepared, so that derived external ids count occurrences as the first pass did
                RawRow prepared = preparation.prepare(row);
                if (pending.get(Math.toIntExact(row.line()))) {
                    check.start(prepared);
                    chunk.add(new Line<>(row.line(), target.read(check)));
                    if (chunk.size() == chunkRows) {
                        handler.handle(chunk);
                        chunk.clear();
                        if (progress != null) {
                            progress.progress(rows, source.bytesRead(), size);
                        }
                    }
                }
            }
            if (!chunk.isEmpty()) {
                handler.handle(chunk);
            }
            if (progress != null) {
                progress.progress(rows, source.bytesRead(), size);
            }
        }
    }

    private record Line<R>(long line, R record) {
    }

    @FunctionalInterface
    private interface ChunkHandler<R> {
        void handle(List<Line<R>> chunk);
    }
}
