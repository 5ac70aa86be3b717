package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportFormat;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportPreview;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.ReportedProblems;
import com.tierdesk.customer.RowImporter;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.customer.internal.ActivityFiguresStore;
import com.tierdesk.customer.internal.PurchaseAggregateMaintainer;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.BusinessTime;
import com.tierdesk.shared.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one file in one transaction: rows are streamed and validated in Java, the valid ones staged
 * (COPY on PostgreSQL, JDBC batches elsewhere), checked against the whole file and the database, and
 * merged by set-based SQL that writes only new and changed records; purchase aggregates of the
 * affected customers are refreshed in the same transaction.
 */
@Service
class BulkCustomerImports implements CustomerImports {

    private static final Logger log = LoggerFactory.getLogger(BulkCustomerImports.class);
    /** Where the problems of a report too long to hold in memory are written. */
    /** Rows another module's importer checks or writes at a time: each may be many statements (a ticket and its steps). */
    private static final int RECORD_CHUNK = 200;
    private static final Path PROBLEM_FILES = Path.of(System.getProperty("java.io.tmpdir"));

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PurchaseAggregateMaintainer aggregates;
    private final ActivityFiguresStore activity;
    private final ImportSettings settings;
    private final BusinessTime time;
    private final Map<ImportKind, ImportTarget> targets = new EnumMap<>(ImportKind.class);
    /** The kinds other modules import (tickets), looked up when used: those modules depend on this one. */
    private final ObjectProvider<RowImporter<?>> importers;

    BulkCustomerImports(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            PurchaseAggregateMaintainer aggregates, ActivityFiguresStore activity, ImportSettings settings,
            BusinessTime time, ObjectProvider<RowImporter<?>> importers) {
        this.importers = importers;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.aggregates = aggregates;
        this.activity = activity;
        this.settings = settings;
        this.time = time;
        List.of(new CustomerTarget(), new OrderTarget(time.zone()), new InteractionTarget())
                .forEach(target -> targets.put(target.kind(), target));
    }

    @Override
    public ImportReport importFile(ImportRequest request, ImportProgress progress) {
        long started = System.nanoTime();
        ImportTarget target = target(request.kind());
        try {
            checkOptions(request, target);
            long size = Files.size(request.file());
            if (size > settings.maxBytes().toBytes()) {
                throw new FileProblem("problem.import.too-large", size, settings.maxBytes().toBytes());
            }
            ImportReport report = transactions.execute(status -> run(request, target, size, progress, status, started));
            log.info("Imported {} {}: {} rows, {} created, {} updated, {} unchanged, {} rejected, committed {}, {} ms",
                    request.kind(), request.fileName(), report.rows(), report.created(), report.updated(),
                    report.unchanged(), report.rejected(), report.committed(), report.took().toMillis());
            return report;
        } catch (FileProblem e) {
            log.info("Import of {} {} refused: {}", request.kind(), request.fileName(), e.getMessage());
            return refused(request, e.reason(), started);
        } catch (NoSuchFileException e) {
            return refused(request, Reason.of("problem.import.no-file", e.getFile()), started);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + request.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ImportPreview preview(ImportRequest request, int limit) {
        ImportTarget target = target(request.kind());
        ImportFormat format = format(request);
        try {
            checkOptions(request, target);
        } catch (FileProblem e) {
            return new ImportPreview(format, null, List.of(), List.of(), List.of(), List.of(new RowProblem(0, null, e.reason())));
        }
        List<ImportPreview.Row> rows = new ArrayList<>();
        try (Problems problems = new Problems(PROBLEM_FILES, settings.problemsInMemory());
                RowSource source = open(request, target)) {
            try {
                requireColumns(request, target, source);
            } catch (FileProblem e) {
                return new ImportPreview(format, source.encoding(), source.columns(), List.of(), List.of(),
                        List.of(new RowProblem(0, null, e.reason())));
            }
            RowPreparation preparation = new RowPreparation(request, target.fields());
            RowCheck check = new RowCheck(target.fields(), problems, time.zone(), time.today());
            // the per-row checks stage into writers that keep nothing: nothing reaches the database
            List<StageWriter> discard = target.stageTables().stream().map(table -> (StageWriter) chunk -> { }).toList();
            try (StagePipeline pipeline = new StagePipeline(discard, Integer.MAX_VALUE)) {
                for (RawRow row = rows.size() < limit ? source.next() : null; row != null;
                        row = rows.size() < limit ? source.next() : null) {
                    RawRow prepared = preparation.prepare(row);
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < prepared.values().length; i++) {
                        if (prepared.values()[i] != null) {
                            values.put(target.fields().get(i), prepared.values()[i]);
                        }
                    }
                    rows.add(new ImportPreview.Row(prepared.line(), values));
                    check.start(prepared);
                    target.stage(check, pipeline);
                }
            }
            Set<String> present = new LinkedHashSet<>(source.presentFields());
            present.addAll(preparation.filledFields());
            List<String> fields = target.fields().stream().filter(present::contains).toList();
            try (ReportedProblems found = problems.report()) {
                return new ImportPreview(format, source.encoding(), source.columns(), fields, rows, found.page(0, limit * 4));
            }
        } catch (FileProblem e) {
            return new ImportPreview(format, null, List.of(), List.of(), rows, List.of(new RowProblem(0, null, e.reason())));
        } catch (NoSuchFileException e) {
            return new ImportPreview(format, null, List.of(), List.of(), List.of(),
                    List.of(new RowProblem(0, null, Reason.of("problem.import.no-file", e.getFile()))));
        } catch (IOException e) {
            return new ImportPreview(format, null, List.of(), List.of(), rows,
                    List.of(new RowProblem(0, null, Reason.of("problem.import.unreadable", e.getMessage()))));
        }
    }

    @Override
    public void rejectedValues(ImportRequest request, ReportedProblems problems, BiConsumer<RowProblem, String> sink) {
        ImportTarget target = target(request.kind());
        Iterator<RowProblem> iterator = problems.iterator();
        RowProblem next = iterator.hasNext() ? iterator.next() : null;
        while (next != null && next.line() == 0) {
            sink.accept(next, null);
            next = iterator.hasNext() ? iterator.next() : null;
        }
        if (next != null) {
            try (RowSource source = open(request, target)) {
                RowPreparation preparation = new RowPreparation(request, target.fields());
                for (RawRow row = source.next(); row != null && next != null; row = source.next()) {
                    // every row is prepared, so that derived external ids count occurrences as the import did
                    String[] values = preparation.prepare(row).values();
                    while (next != null && next.line() == row.line()) {
                        int field = next.field() == null ? -1 : target.fields().indexOf(next.field().replaceAll("\\[.*", ""));
                        sink.accept(next, field < 0 ? null : values[field]);
                        next = iterator.hasNext() ? iterator.next() : null;
                    }
                }
            } catch (IOException | FileProblem e) {
                log.info("Could not read {} again for its rejected values: {}", request.fileName(), e.getMessage());
            }
        }
        while (next != null) {
            sink.accept(next, null);
            next = iterator.hasNext() ? iterator.next() : null;
        }
    }

    private ImportTarget target(ImportKind kind) {
        ImportTarget own = targets.get(kind);
        if (own != null) {
            return own;
        }
        return importers.orderedStream().filter(importer -> importer.kind() == kind).findFirst()
                .<ImportTarget>map(RowImporterTarget::new)
                .orElseThrow(() -> new IllegalStateException("no importer of " + kind));
    }

    private static ImportFormat format(ImportRequest request) {
        return request.format() != null ? request.format() : ImportFormat.detect(request.file(), request.fileName());
    }

    private ImportReport run(ImportRequest request, ImportTarget target, long size, ImportProgress progress,
            TransactionStatus status, long started) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Problems problems = new Problems(PROBLEM_FILES, settings.problemsInMemory());
                RowSource source = open(request, target)) {
            Database database = Database.of(connection);
            if (database == Database.POSTGRESQL) {
                // duplicate checks, distinct customers and aggregates hash millions of rows: in memory, not on disk
                jdbc.execute("SET LOCAL work_mem = '256MB'");
            }
            requireColumns(request, target, source);
            if (target instanceof RowImporterTarget<?> records) {
                return runRows(request, records, source, size, progress, problems, status, started);
            }
            List<StageWriter> writers = new ArrayList<>();
            for (StageTable table : target.stageTables()) {
                jdbc.execute(database.createTemporary(table));
                writers.add(database.writer(connection, table));
            }
            RowPreparation preparation = new RowPreparation(request, target.fields());
            RowCheck check = new RowCheck(target.fields(), problems, time.zone(), time.today());
            long rows = 0;
            long staged = 0;
            try (StagePipeline pipeline = new StagePipeline(writers, settings.chunkRows())) {
                for (RawRow row = source.next(); row != null; row = source.next()) {
                    rows++;
                    check.start(preparation.prepare(row));
                    if (target.stage(check, pipeline)) {
                        staged++;
                    }
                    if (rows % settings.progressEvery() == 0) {
                        progress.progress(rows, source.bytesRead(), size);
                    }
                }
                pipeline.finish();
            }
            progress.progress(rows, source.bytesRead(), size);
            log.debug("{}: {} rows read and staged after {} ms", request.fileName(), rows, since(started).toMillis());
            Set<String> present = new LinkedHashSet<>(source.presentFields());
            present.addAll(preparation.filledFields());
            ImportContext context = new ImportContext(jdbc, database, request, problems, present, time.now());
            ImportTarget.MergeCounts counts = problems.any() ? null : target.tryFirstLoad(context, staged);
            long customersCreated = 0;
            if (counts == null) {
                long rejectedBefore = problems.rejectedRows();
                target.rejectInconsistentRows(context);
                staged -= problems.rejectedRows() - rejectedBefore;
                log.debug("{}: checked against the file and the database after {} ms", request.fileName(), since(started).toMillis());
                if (problems.any() && request.mode() == ImportMode.ALL_OR_NOTHING || staged == 0 && problems.any()) {
                    status.setRollbackOnly();
                    return report(request, false, rows, 0, 0, 0, 0, problems, started);
                }
                if (request.createMissingCustomers() && target instanceof ExternalRecordTarget records) {
                    customersCreated = records.createMissingCustomers(context);
                }
                counts = target.merge(context);
            }
            log.debug("{}: merged after {} ms", request.fileName(), since(started).toMillis());
            if (target instanceof ExternalRecordTarget records) {
                if (records.feedsPurchaseAggregates()) {
                    aggregates.refreshListed(ExternalRecordTarget.AFFECTED);
                }
                activity.recordsChangedListed(ExternalRecordTarget.AFFECTED);
                records.queueFutureRecords(context, time.now());
            }
            return report(request, true, rows, counts.created(), counts.updated(),
                    staged - counts.created() - counts.updated(), customersCreated, problems, started);
        } catch (IOException e) {
            throw new FileProblem("problem.import.unreadable", e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException("import failed: " + e.getMessage(), e);
        }
    }

    private <R> ImportReport runRows(ImportRequest request, RowImporterTarget<R> target, RowSource source, long size,
            ImportProgress progress, Problems problems, TransactionStatus status, long started) throws IOException {
        var run = new RowImporterRun<>(target, () -> new RowPreparation(request, target.fields()),
                () -> open(request, target), problems, time.zone(), time.today(), RECORD_CHUNK, settings.progressEvery());
        RowImporterRun.Counts counts = run.run(source, request.mode(), progress, size);
        if (!counts.committed()) {
            status.setRollbackOnly();
        }
        return report(request, counts.committed(), counts.rows(), counts.created(), 0, counts.unchanged(), 0, problems,
                started);
    }

    private ImportReport report(ImportRequest request, boolean committed, long rows, long created, long updated,
            long unchanged, long customersCreated, Problems problems, long started) {
        return new ImportReport(request.kind(), request.mode(), request.fileName(), committed, rows, created, updated,
                unchanged, problems.rejectedRows(), customersCreated, problems.report(), since(started));
    }

    /** The report of a file refused as a whole: nothing read, nothing written. */
    private static ImportReport refused(ImportRequest request, Reason reason, long started) {
        return new ImportReport(request.kind(), request.mode(), request.fileName(), false, 0, 0, 0, 0, 0, 0,
                ReportedProblems.of(List.of(new RowProblem(0, null, reason))), since(started));
    }

    private RowSource open(ImportRequest request, ImportTarget target) throws IOException {
        ColumnMapping mapping = new ColumnMapping(target.fields(), request.columnMapping());
        ImportFormat format = format(request);
        if (format == ImportFormat.XLSX) {
            return new XlsxRowSource(request.file(), Files.size(request.file()), target.fields(), mapping);
        }
        StrictDecodingReader reader = TextDecoding.open(request.file(), request.charset());
        try {
            if (format == ImportFormat.JSON) {
                return new JsonRowSource(reader, target.fields(), mapping);
            }
            if (ImportRequest.WHITESPACE.equalsIgnoreCase(request.delimiter())) {
                return new WhitespaceRowSource(reader, target.fields(), mapping);
            }
            return new CsvRowSource(reader, request.delimiter(), target.fields(), mapping);
        } catch (RuntimeException | IOException e) {
            reader.close();
            throw e;
        }
    }

    private static void checkOptions(ImportRequest request, ImportTarget target) {
        List<String> unknown = new ArrayList<>();
        request.constants().keySet().stream().filter(field -> !target.fields().contains(field)).forEach(unknown::add);
        request.externalIdFrom().stream().filter(field -> !target.fields().contains(field)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new FileProblem("problem.import.unknown-constants", ApiProblems.echo(String.join(", ", unknown)),
                    String.join(", ", target.fields()));
        }
        ImportRequest.delimiterProblem(request.delimiter())
                .ifPresent(reason -> { throw new FileProblem("problem.import.delimiter-is", reason); });
        if (!request.externalIdFrom().isEmpty() && !target.fields().contains("external_id")) {
            throw new FileProblem("problem.import.no-external-id", request.kind());
        }
    }

    /** A delimited file must have every required column (JSON objects are checked one by one). */
    private static void requireColumns(ImportRequest request, ImportTarget target, RowSource source) {
        if (source instanceof JsonRowSource) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>(target.fields());
        missing.retainAll(target.requiredFields());
        missing.removeAll(source.presentFields());
        missing.removeAll(request.constants().keySet());
        if (!request.externalIdFrom().isEmpty()) {
            missing.remove("external_id");
        }
        if (!missing.isEmpty()) {
            throw new FileProblem(missing.size() > 1 ? "problem.import.missing-columns" : "problem.import.missing-column",
                    String.join(", ", missing));
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Fills constant fields and derives external ids, before a row is checked. */
    static final class RowPreparation {

        private final int[] constantFields;
        private final String[] constantValues;
        private final int externalId;
        private final int[] idSources;
        private final Map<String, Integer> occurrences = new HashMap<>();
        private final Set<String> filled = new LinkedHashSet<>();

        RowPreparation(ImportRequest request, List<String> fields) {
            constantFields = request.constants().keySet().stream().mapToInt(fields::indexOf).toArray();
            constantValues = request.constants().values().toArray(String[]::new);
            filled.addAll(request.constants().keySet());
            idSources = request.externalIdFrom().stream().mapToInt(fields::indexOf).toArray();
            externalId = idSources.length == 0 ? -1 : fields.indexOf("external_id");
            if (externalId >= 0) {
                filled.add("external_id");
            }
        }

        Set<String> filledFields() {
            return filled;
        }

        RawRow prepare(RawRow row) {
            String[] values = row.values();
            for (int i = 0; i < constantFields.length; i++) {
                if (values[constantFields[i]] == null) {
                    values[constantFields[i]] = constantValues[i];
                }
            }
            if (externalId >= 0 && values[externalId] == null) {
                values[externalId] = derivedId(values);
            }
            return row;
        }

        /** The source fields joined with the how-many-th time that combination occurs, stable as long as the file is. */
        private String derivedId(String[] values) {
            StringJoiner key = new StringJoiner("-");
            for (int source : idSources) {
                if (values[source] == null) {
                    return null;
                }
                key.add(values[source]);
            }
            String base = key.toString();
            return base + "-" + occurrences.merge(base, 1, Integer::sum);
        }
    }
}
