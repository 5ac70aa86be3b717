package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.RowProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports started from the console, run one after another in the background so that the page can
 * show their progress; the last {@value #KEPT} jobs are remembered, and the reports of older ones closed. Uploads
 * waiting for their import (after a preview) are kept too, the last {@value #UPLOADS_KEPT} of them; an import with
 * problems keeps its upload while it is remembered, so that its rejected rows can be listed with their values.
 */
@Component
class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEPT = 50;
    private static final int UPLOADS_KEPT = 20;

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

    private final Map<String, Upload> uploads = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Upload> eldest) {
            if (size() <= UPLOADS_KEPT) {
                return false;
            }
            delete(eldest.getValue().file());
            return true;
        }
    };

    /** A file uploaded from the console and not imported yet. */
    record Upload(String id, String fileName, Path file) {
    }

    ImportJobs(CustomerImports imports) {
        this.imports = imports;
    }

    /** One import in the background; its fields are written by the importing thread and read by page requests. */
    static final class Job {

        private final String id;
        private final String fileName;
        private final ImportRequest request;
        private boolean fileKept;
        private volatile long rows;
        private volatile long bytesRead;
        private volatile long totalBytes;
        private volatile ImportReport report;
        private volatile String failure;
        private boolean forgotten;

        Job(String id, ImportRequest request) {
            this.id = id;
            this.fileName = request.fileName();
            this.request = request;
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
            fileKept = !forgotten && finished.hasProblems();
            if (forgotten) {
                finished.close();
            } else {
                report = finished;
            }
            if (!fileKept) {
                delete(request.file());
            }
        }

        /** No page shows the job any more: its report, once there is one, is closed and its upload deleted. */
        private synchronized void forget() {
            forgotten = true;
            if (report != null) {
                report.close();
            }
            if (fileKept) {
                delete(request.file());
                fileKept = false;
            }
        }

        /** Each problem of the finished import with the value its row held in the field (none once the job is forgotten). */
        synchronized void rejectedValues(CustomerImports imports, BiConsumer<RowProblem, String> sink) {
            if (report == null || forgotten) {
                return;
            }
            imports.rejectedValues(request, report.problems(), sink);
        }
    }

    /** Keeps an uploaded file until it is imported or {@value #UPLOADS_KEPT} later uploads push it out. */
    Upload keep(MultipartFile file) throws IOException {
        Path path = Files.createTempFile("tierdesk-import-", ".upload");
        try {
            file.transferTo(path);
        } catch (IOException | RuntimeException e) {
            delete(path);
            throw e;
        }
        Upload upload = new Upload(UUID.randomUUID().toString(), file.getOriginalFilename(), path);
        synchronized (uploads) {
            uploads.put(upload.id(), upload);
        }
        return upload;
    }

    Optional<Upload> upload(String id) {
        synchronized (uploads) {
            return Optional.ofNullable(uploads.get(id));
        }
    }

    /** Starts importing a kept upload, which the job then owns. */
    Job start(Upload upload, ImportRequest request) {
        synchronized (uploads) {
            uploads.remove(upload.id());
        }
        return start(request);
    }

    /** Starts importing an uploaded file; it is deleted when the import ends without problems, or when the job is forgotten. */
    Job start(ImportRequest request) {
        Job job = new Job(UUID.randomUUID().toString(), request);
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
                delete(request.file());
            }
        });
        return job;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", file, new UncheckedIOException(e));
        }
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
        synchronized (uploads) {
            uploads.values().forEach(upload -> delete(upload.file()));
        }
    }
}
