package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An exported file read back for a test: a CSV parsed as RFC 4180 says, or the first sheet of an {@code .xlsx}. */
public final class ExportedFile {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ExportedFile() {
    }

    /** The CSV's rows, header first; it must start with a UTF-8 byte order mark. */
    public static List<List<String>> csv(byte[] content) {
        assertThat(content).as("a UTF-8 byte order mark").startsWith(BOM);
        String text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(cell).as("the file ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }

    /** The first sheet's rows, header first, each cell as POI reads it ({@code null} for a cell not written). */
    public static List<List<Cell>> xlsx(byte[] content) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Cell>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column's index in the header row. */
    public static int column(List<?> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            Object cell = header.get(i);
            String text = cell instanceof Cell c ? c.getStringCellValue() : String.valueOf(cell);
            if (text.equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + header);
    }
}
