package com.tierdesk.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes a list row by row as it is read, to CSV or to {@code .xlsx}, so that an export of any length holds only a
 * few rows in memory. Each row gives one value a column, of the column's {@link ExportColumn.Kind}; {@code null} is an
 * empty cell.
 *
 * <p>CSV is UTF-8 with a byte order mark (without it Excel reads Chinese as the system's code page), quoted as RFC 4180
 * says, lines ending in CRLF; a text cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '} so that a spreadsheet does not run it as a formula (OWASP's CSV injection advice). Number, amount and
 * date columns are written as they are: {@code -12.50} stays a number.
 *
 * <p>{@code .xlsx} goes through POI's streaming workbook, which keeps {@value #ROWS_IN_MEMORY} rows in memory and the
 * rest in a temporary file that {@link #close()} deletes (a caller writes the rows in try-with-resources, then
 * {@link #finish()}): numbers are numeric cells, amounts to two decimals, dates
 * and instants date cells (instants in the given time zone), the header row bold and frozen. Text cells are never
 * formulas there, so they are written unchanged, cut at the 32,767 characters a cell holds.
 */
public abstract sealed class TableExport implements Closeable {

    static final int ROWS_IN_MEMORY = 100;
    private static final DateTimeFormatter CSV_INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final List<ExportColumn> columns;
    final ZoneId zone;

    private TableExport(List<ExportColumn> columns, ZoneId zone) {
        this.columns = List.copyOf(columns);
        this.zone = zone;
    }

    /** Starts the file with its header row. */
    public static TableExport open(ExportFormat format, OutputStream out, ZoneId zone, List<ExportColumn> columns) {
        TableExport export = format == ExportFormat.CSV ? new Csv(out, columns, zone) : new Xlsx(out, columns, zone);
        export.header();
        return export;
    }

    /**
     * Answers the request with a download named after the list and the business date ({@code tickets-2026-11-28.csv})
     * and starts the file in the response's body.
     */
    public static TableExport download(HttpServletResponse response, ExportFormat format, String list,
            LocalDate today, ZoneId zone, List<ExportColumn> columns) {
        response.setContentType(format.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(format.fileName(list, today), StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            return open(format, response.getOutputStream(), zone, columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one row: a value for each column, in the columns' order. */
    public final void row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        try {
            write(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the file once every row is written; a file closed without it (the rows failed) is left incomplete. */
    public abstract void finish() throws IOException;

    abstract void header();

    abstract void write(Object[] cells) throws IOException;

    static boolean missing(Object value) {
        return value == null || value instanceof Double d && d.isNaN() || value instanceof Float f && f.isNaN();
    }

    static BigDecimal amount(Object value) {
        BigDecimal amount = value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static final class Csv extends TableExport {

        private final Writer out;

        Csv(OutputStream out, List<ExportColumn> columns, ZoneId zone) {
            super(columns, zone);
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        }

        @Override
        void header() {
            try {
                out.write('\uFEFF');
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(quoted(guarded(columns.get(i).header())));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void write(Object[] cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(columns.get(i).kind(), cells[i]));
            }
            out.write("\r\n");
        }

        private String cell(ExportColumn.Kind kind, Object value) {
            if (missing(value)) {
                return "";
            }
            return switch (kind) {
                case TEXT -> quoted(guarded(value.toString()));
                case INTEGER -> Long.toString(((Number) value).longValue());
                case AMOUNT -> amount(value).toPlainString();
                case DECIMAL -> value instanceof BigDecimal decimal ? decimal.toPlainString()
                        : BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
                case DATE -> value.toString();
                case INSTANT -> CSV_INSTANT.format(((Instant) value).atZone(zone));
            };
        }

        /** A text a spreadsheet would take for a formula, made plain text. */
        static String guarded(String text) {
            if (text.isEmpty()) {
                return text;
            }
            char first = text.charAt(0);
            return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                    ? "'" + text : text;
        }

        static String quoted(String text) {
            if (text.indexOf('"') < 0 && text.indexOf(',') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                return text;
            }
            return '"' + text.replace("\"", "\"\"") + '"';
        }

        @Override
        public void finish() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
        }
    }

    private static final class Xlsx extends TableExport {

        private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        private final SXSSFSheet sheet;
        private final CellStyle amountStyle;
        private final CellStyle dateStyle;
        private final CellStyle instantStyle;
        private int rows;

        Xlsx(OutputStream out, List<ExportColumn> columns, ZoneId zone) {
            super(columns, zone);
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet();
            amountStyle = style("#,##0.00");
            dateStyle = style("yyyy-mm-dd");
            instantStyle = style("yyyy-mm-dd hh:mm:ss");
        }

        private CellStyle style(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        @Override
        void header() {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle style = workbook.createCellStyle();
            style.setFont(bold);
            Row header = sheet.createRow(rows++);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(style);
                sheet.setColumnWidth(i, 256 * width(columns.get(i)));
            }
            sheet.createFreezePane(0, 1);
        }

        /** A width in characters that fits the header (a Chinese character is about two) and a typical value. */
        private static int width(ExportColumn column) {
            int header = column.header().codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum() + 2;
            int value = switch (column.kind()) {
                case TEXT -> 16;
                case INTEGER, DATE -> 12;
                case AMOUNT, DECIMAL -> 14;
                case INSTANT -> 20;
            };
            return Math.min(60, Math.max(header, value));
        }

        @Override
        void write(Object[] cells) {
            Row row = sheet.createRow(rows++);
            for (int i = 0; i < cells.length; i++) {
                Object value = cells[i];
                if (missing(value)) {
                    continue;
                }
                Cell cell = row.createCell(i);
                switch (columns.get(i).kind()) {
                    case TEXT -> {
                        String text = value.toString();
                        cell.setCellValue(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
                    }
                    case INTEGER, DECIMAL -> cell.setCellValue(((Number) value).doubleValue());
                    case AMOUNT -> {
                        cell.setCellValue(amount(value).doubleValue());
                        cell.setCellStyle(amountStyle);
                    }
                    case DATE -> {
                        cell.setCellValue((LocalDate) value);
                        cell.setCellStyle(dateStyle);
                    }
                    case INSTANT -> {
                        cell.setCellValue(LocalDateTime.ofInstant((Instant) value, zone));
                        cell.setCellStyle(instantStyle);
                    }
                }
            }
        }

        @Override
        public void finish() throws IOException {
            workbook.write(out);
            out.flush();
        }

        /** Deletes the temporary file, finished or not. */
        @Override
        public void close() throws IOException {
            workbook.close();
        }
    }
}
