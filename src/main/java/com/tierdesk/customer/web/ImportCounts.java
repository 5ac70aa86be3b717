package com.tierdesk.customer.web;

import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import java.time.Duration;

/** An import's report without its problems, for the refusal that lists them as its errors. */
record ImportCounts(ImportKind kind, ImportMode mode, String fileName, boolean committed, long rows, long created,
        long updated, long unchanged, long rejected, Duration took) {

    static ImportCounts of(ImportReport report) {
        return new ImportCounts(report.kind(), report.mode(), report.fileName(), report.committed(), report.rows(),
                report.created(), report.updated(), report.unchanged(), report.rejected(), report.took());
    }
}
