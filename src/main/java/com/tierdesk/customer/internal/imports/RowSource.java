package com.tierdesk.customer.internal.imports;

import java.io.Closeable;
import java.util.List;
import java.util.Set;

/** The rows of one file, read one at a time so that memory does not grow with the file. */
interface RowSource extends Closeable {

    /** The next row, or {@code null} at the end of the file. */
    RawRow next();

    /** The fields the file fills: its mapped columns, or the properties a JSON file used. */
    Set<String> presentFields();

    long bytesRead();

    /** The columns the file's header names, as written; a JSON file's properties seen so far. */
    default List<String> columns() {
        return List.copyOf(presentFields());
    }

    /** The text encoding the file is read in, or {@code null} for a file that is not text (.xlsx). */
    default String encoding() {
        return null;
    }
}
