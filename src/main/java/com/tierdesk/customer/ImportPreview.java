package com.tierdesk.customer;

import java.util.List;
import java.util.Map;

/**
 * The first rows of a file as an import with the same options would read them, before anything is written.
 *
 * @param format   the format the file is read as
 * @param encoding the text encoding it is read in (declared or detected), {@code null} for an .xlsx workbook
 * @param columns  the columns the file's header names
 * @param fields   the TierDesk fields the rows fill, after the mapping, constant fields and derived external ids
 * @param rows     the first rows, each field's value as it will be read
 * @param problems the problems of those rows (the checks against the whole file and the database come at import),
 *                 or the one problem that refuses the whole file (line 0)
 */
public record ImportPreview(ImportFormat format, String encoding, List<String> columns, List<String> fields,
        List<Row> rows, List<RowProblem> problems) {

    public ImportPreview {
        columns = List.copyOf(columns);
        fields = List.copyOf(fields);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** One row: its line (as {@link RowProblem#line()} counts) and the value of each field it fills. */
    public record Row(long line, Map<String, String> values) {
    }
}
