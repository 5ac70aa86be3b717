package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports started from the console, run one after another in the background so that the page can
 * show their progress; the last {@value #KEPT} jobs are remembered, and the reports of older ones closed.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEPT = 50;

    private final CustomerImports imports;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            if (size() <= KEPT) {
                return false;
            }
            eldest.getValue().forget();
            return true;
        }
    };

    ImportJobs(CustomerImports imports) {
        this.imports = imports;
    }

    /** One import in the background; its fields are written by the importing thread and read by page requests. */
    static final class Job {

        private final String id;
        private final String fileName;
        private volatile long rows;
        private volatile long bytesRead;
        private volatile long totalBytes;
        private volatile ImportReport report;
        private volatile String failure;
        private boolean forgotten;

        Job(String id, String fileName) {
            this.id = id;
            this.fileName = fileName;
        }

        public String getId() {
            return id;
        }

        public String getFileName() {
            return fileName;
        }

        public long getRows() {
            return rows;
        }

        public int getPercent() {
            return totalBytes <= 0 ? 0 : (int) Math.min(100, 100 * bytesRead / totalBytes);
        }

        public ImportReport getReport() {
            return report;
        }

        public String getFailure() {
            return failure;
        }

        private synchronized void finished(ImportReport finished) {
            if (forgotten) {
                finished.close();
            } else {
                report = finished;
            }
        }

        /** No page shows the job any more: its report, once there is one, is closed. */
        private synchronized void forget() {
            forgotten = true;
            if (report != null) {
                report.close();
            }
        }
    }

    /** Starts importing an uploaded file, which is deleted when the import ends. */
    Job start(ImportRequest request) {
        Job job = new Job(UUID.randomUUID().toString(), request.fileName());
        synchronized (jobs) {
            jobs.put(job.id, job);
        }
        executor.execute(() -> {
            try {
                job.finished(imports.importFile(request, (rows, bytes, total) -> {
                    job.rows = rows;
                    job.bytesRead = bytes;
                    job.totalBytes = total;
                }));
            } catch (RuntimeException e) {
                log.warn("Import of {} failed", request.fileName(), e);
                job.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } finally {
                try {
                    Files.deleteIfExists(request.file());
                } catch (IOException e) {
                    log.warn("Could not delete the upload {}", request.file(), new UncheckedIOException(e));
                }
            }
        });
        return job;
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        synchronized (jobs) {
            jobs.values().forEach(Job::forget);
        }
    }
}
