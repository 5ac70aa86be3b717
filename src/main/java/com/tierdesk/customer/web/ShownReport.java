package com.tierdesk.customer.web;

import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.shared.ProblemMessages;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * An import's report as the API answers it and the console offers it for download: its counts and every problem in
 * the reader's words with its code, streamed from where the report keeps them as the answer is written.
 */
record ShownReport(ImportKind kind, ImportMode mode, String fileName, boolean committed, long rows, long created,
        long updated, long unchanged, long rejected, Iterable<ShownRowProblem> problems, Duration took) {

    static ShownReport of(ImportReport report, ProblemMessages messages, Locale locale) {
        return new ShownReport(report.kind(), report.mode(), report.fileName(), report.committed(), report.rows(),
                report.created(), report.updated(), report.unchanged(), report.rejected(), problems(report, messages, locale),
                report.took());
    }

    static Iterable<ShownRowProblem> problems(ImportReport report, ProblemMessages messages, Locale locale) {
        return () -> StreamSupport.stream(report.problems().spliterator(), false)
                .map(problem -> ShownRowProblem.of(problem, messages, locale)).iterator();
    }
}
