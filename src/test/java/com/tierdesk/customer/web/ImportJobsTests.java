package com.tierdesk.customer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportPreview;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.ReportedProblems;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.shared.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportJobsTests {

    @TempDir
    Path dir;

    /** Reports whose problems remember being closed. */
    final Set<String> closed = ConcurrentHashMap.newKeySet();

    @Test
    void theReportsOfJobsNoLongerShownAreClosed() throws Exception {
        ImportJobs jobs = new ImportJobs(new CustomerImports() {
            @Override
            public ImportReport importFile(ImportRequest request, ImportProgress progress) {
                return report(request.fileName());
            }

            @Override
            public ImportPreview preview(ImportRequest request, int rows) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void rejectedValues(ImportRequest request, ReportedProblems problems, BiConsumer<RowProblem, String> sink) {
                throw new UnsupportedOperationException();
            }
        });
        List<ImportJobs.Job> started = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            started.add(jobs.start(ImportRequest.of(ImportKind.CUSTOMERS, Files.createFile(dir.resolve("upload-" + i)))
                    .withFileName("file-" + i)));
        }
        for (int i = 0; i < 200 && started.get(51).getReport() == null; i++) {
            Thread.sleep(20);
        }

        assertThat(closed).containsExactlyInAnyOrder("file-0", "file-1");
        assertThat(jobs.find(started.get(0).getId())).isEmpty();
        assertThat(jobs.find(started.get(2).getId())).isPresent();
        // an import with problems keeps its upload (for the rejected rows' values) until it is forgotten
        assertThat(dir.resolve("upload-0")).doesNotExist();
        assertThat(dir.resolve("upload-2")).exists();

        jobs.destroy();
        assertThat(closed).hasSize(52);
        assertThat(dir.resolve("upload-51")).doesNotExist();
    }

    private ImportReport report(String fileName) {
        ReportedProblems held = ReportedProblems.of(List.of(new RowProblem(2, "name", Reason.of("problem.required"))));
        ReportedProblems problems = new ReportedProblems() {
            @Override
            public long size() {
                return held.size();
            }

            @Override
            public List<RowProblem> page(long from, int count) {
                return held.page(from, count);
            }

            @Override
            public Iterator<RowProblem> iterator() {
                return held.iterator();
            }

            @Override
            public void close() {
                closed.add(fileName);
            }
        };
        return new ImportReport(ImportKind.CUSTOMERS, ImportMode.ALL_OR_NOTHING, fileName, false, 1, 0, 0, 0, 1, 0, problems,
                Duration.ZERO);
    }
}
