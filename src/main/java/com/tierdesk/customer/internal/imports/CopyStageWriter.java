package com.tierdesk.customer.internal.imports;

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

    private final CopyManager copy;
    private final String sql;

    CopyStageWriter(Connection connection, StageTable table) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table.name() + " (" + table.columnList() + ") FROM STDIN";
    }

    private static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
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
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        appendDate(text, days);
        text.append(' ');
        two(text, secondOfDay / 3600);
        text.append(':');
        two(text, secondOfDay / 60 % 60);
        text.append(':');
        two(text, secondOfDay % 60);
        if (instant.getNano() != 0) {
            String nanos = Integer.toString(1_000_000_000 + instant.getNano());
            text.append('.').append(nanos, 1, nanos.length());
        }
        text.append("+00");
    }

    /** The civil date of a day count from 1970-01-01 (H. Hinnant's days-to-civil algorithm). */
    static void appendDate(StringBuilder text, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1000 || year > 9999) {
            text.append(LocalDate.ofEpochDay(epochDay));
            return;
        }
        text.append(year).append('-');
        two(text, month);
        text.append('-');
        two(text, day);
    }

    private static void two(StringBuilder text, int n) {
        text.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static void escape(StringBuilder text, String s) {
        if (!needsEscape(s)) {
            text.append(s);
            return;
        }
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
