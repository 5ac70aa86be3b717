package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.RowImporter;
import java.util.List;
import java.util.Set;

/**
 * A kind another module imports through a {@link RowImporter}: its rows are read and checked like the others' (so
 * previews and rejected values work alike) but not staged or merged here; {@link RowImporterRun} writes them.
 */
final class RowImporterTarget<R> implements ImportTarget {

    private final RowImporter<R> importer;

    RowImporterTarget(RowImporter<R> importer) {
        this.importer = importer;
    }

    RowImporter<R> importer() {
        return importer;
    }

    @Override
    public ImportKind kind() {
        return importer.kind();
    }

    @Override
    public List<String> fields() {
        return importer.fields();
    }

    @Override
    public Set<String> requiredFields() {
        return importer.requiredFields();
    }

    @Override
    public List<StageTable> stageTables() {
        return List.of();
    }

    @Override
    public boolean stage(RowCheck row, StagePipeline pipeline) {
        return read(row) != null;
    }

    /** The row as the importer reads it, or {@code null} (the row counted as rejected) when a field was refused. */
    R read(RowCheck row) {
        R record = importer.read(row);
        return row.finish() ? record : null;
    }

    @Override
    public void rejectInconsistentRows(ImportContext context) {
        throw new UnsupportedOperationException("written by RowImporterRun");
    }

    @Override
    public MergeCounts merge(ImportContext context) {
        throw new UnsupportedOperationException("written by RowImporterRun");
    }
}
