package com.tierdesk.customer.internal.imports;

import java.sql.SQLException;
import java.util.List;

/** Appends a chunk of rows (values in the stage table's column order) to a stage table. */
interface StageWriter {

    void write(List<Object[]> rows) throws SQLException;
}
