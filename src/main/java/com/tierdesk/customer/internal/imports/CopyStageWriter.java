package com.tierdesk.customer.internal.imports;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Streams rows into a PostgreSQL stage table with COPY in text format. */
final class CopyStageWriter implements StageWriter {

    private final CopyManager copy;
    private final String sql;

    CopyStageWriter(Connection connection, StageTable table) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN";
    }

    @Override
    public void write(List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                append(text, row[i]);
            }
            text.append('\n');
        }
        try {
            copy.copyIn(sql, new StringReader(text.toString()), 256 * 1024);
        } catch (IOException e) {
            throw new SQLException("COPY into the stage table failed", e);
        }
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof String s) {
            escape(text, s);
        } else {
            text.append(value);
        }
    }

    private static void escape(StringBuilder text, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
