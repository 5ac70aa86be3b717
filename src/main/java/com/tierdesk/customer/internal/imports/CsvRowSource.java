package com.tierdesk.customer.internal.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file with a header line, read record by record with commons-csv. */
final class CsvRowSource implements RowSource {

    private final StrictDecodingReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final TabularRows rows;

    CsvRowSource(StrictDecodingReader reader, String delimiter, List<String> fields, ColumnMapping mapping) throws IOException {
        this.reader = reader;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        this.records = parser.iterator();
        List<String> header = null;
        while (header == null) {
            if (!hasNext()) {
                throw new FileProblem("problem.import.empty");
            }
            CSVRecord first = records.next();
            if (!isBlank(first)) {
                header = first.toList().stream().map(name -> name.replace("\uFEFF", "").strip()).toList();
            }
        }
        this.rows = new TabularRows(fields, mapping, header);
    }

    @Override
    public RawRow next() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            if (!hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            if (!isBlank(record)) {
                return rows.row(line, record);
            }
        }
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new FileProblem("problem.import.not-csv", parser.getCurrentLineNumber() + 1,
                    e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    @Override
    public Set<String> presentFields() {
        return rows.present();
    }

    @Override
    public long bytesRead() {
        return reader.bytesRead();
    }

    @Override
    public List<String> columns() {
        return rows.header();
    }

    @Override
    public String encoding() {
        return reader.charset().name();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
