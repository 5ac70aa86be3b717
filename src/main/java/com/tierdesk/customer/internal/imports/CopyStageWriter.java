package com.tierdesk.customer.internal.imports;

import com.tierdesk.shared.CopyText;
import com.tierdesk.shared.IsoText;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Streams rows into a PostgreSQL stage table with COPY in text format. */
final class CopyStageWriter implements StageWriter {

    private static final long FIRST_FOUR_DIGIT_YEAR_DAY = LocalDate.of(1000, 1, 1).toEpochDay();
    private static final long LAST_FOUR_DIGIT_YEAR_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

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
            CopyText.appendEscaped(text, s);
        } else if (value instanceof Instant instant) {
            appendInstant(text, instant);
        } else if (value instanceof LocalDate date) {
            appendDate(text, date.toEpochDay());
        } else {
            text.append(value);
        }
    }

    /** As {@code yyyy-MM-dd HH:mm:ss[.fffffffff]+00}; java.time's formatter costs more than the rest of a row. */
    static void appendInstant(StringBuilder text, Instant instant) {
        long seconds = instant.getEpochSecond();
        appendDate(text, Math.floorDiv(seconds, 86_400));
        text.append(' ');
        IsoText.appendClock(text, (int) Math.floorMod(seconds, 86_400));
        if (instant.getNano() != 0) {
            String nanos = Integer.toString(1_000_000_000 + instant.getNano());
            text.append('.').append(nanos, 1, nanos.length());
        }
        text.append("+00");
    }

    /** The civil date of a day count from 1970-01-01; years outside 1000-9999 take java.time's slower form. */
    static void appendDate(StringBuilder text, long epochDay) {
        if (epochDay < FIRST_FOUR_DIGIT_YEAR_DAY || epochDay > LAST_FOUR_DIGIT_YEAR_DAY) {
            text.append(LocalDate.ofEpochDay(epochDay));
            return;
        }
        IsoText.appendDate(text, epochDay);
    }
}
