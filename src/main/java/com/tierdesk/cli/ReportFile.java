package com.tierdesk.cli;

import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import java.time.Duration;
import java.util.stream.StreamSupport;

/**
 * The JSON file {@code --report} writes: the import's counts and every problem with its reason in the language of
 * the command line and its stable code, streamed from the report.
 */
record ReportFile(ImportKind kind, ImportMode mode, String fileName, boolean committed, long rows, long created,
        long updated, long unchanged, long rejected, Iterable<Problem> problems, Duration took) {

    record Problem(long line, String field, String reason, String code) {
    }

    static ReportFile of(ImportReport report, CliText text) {
        Iterable<Problem> problems = () -> StreamSupport.stream(report.problems().spliterator(), false)
                .map(p -> new Problem(p.line(), p.field(), text.reason(p.reason()), p.reason().code())).iterator();
        return new ReportFile(report.kind(), report.mode(), report.fileName(), report.committed(), report.rows(),
                report.created(), report.updated(), report.unchanged(), report.rejected(), problems, report.took());
    }
}
