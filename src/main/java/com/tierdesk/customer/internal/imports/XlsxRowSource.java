package com.tierdesk.customer.internal.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * The first sheet of an Excel {@code .xlsx} file, its first row the header, read as a stream of XML events (never
 * the whole workbook), so that a sheet of millions of rows takes the memory of one row. Rows are numbered as Excel
 * shows them. Cells become the text a CSV export would hold: numbers exactly as stored, rounded to Excel's 15
 * significant digits (no binary noise, no exponent), date-formatted numbers as ISO dates or date-times, booleans as
 * true/false.
 */
final class XlsxRowSource implements RowSource {

    /** Excel keeps 15 significant digits; the XML may carry 17 (0.1 + 0.2 is written 0.30000000000000004). */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final OPCPackage pack;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final long sheetBytes;
    private final long fileBytes;
    private final TabularRows rows;
    private long consumed;

    XlsxRowSource(Path file, long fileBytes, List<String> fields, ColumnMapping mapping) throws IOException {
        try {
            this.pack = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new FileProblem("problem.import.not-xlsx", e.getMessage());
        }
        try {
            XSSFReader reader = new XSSFReader(pack);
            this.strings = new ReadOnlySharedStringsTable(pack, false);
            this.styles = reader.getStylesTable();
            this.date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new FileProblem("problem.import.empty");
            }
            InputStream first = sheets.next();
            this.sheetBytes = Math.max(1, sheets.getSheetPart().getSize());
            this.fileBytes = fileBytes;
            this.sheet = new FilterInputStream(first) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    consumed += b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    consumed += Math.max(0, n);
                    return n;
                }
            };
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
            Row header = nextRow();
            if (header == null) {
                throw new FileProblem("problem.import.empty");
            }
            this.rows = new TabularRows(fields, mapping, header.cells().stream()
                    .map(name -> name == null ? "" : name.strip()).toList());
        } catch (OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            pack.revert();
            if (e instanceof FileProblem problem) {
                throw problem;
            }
            throw new FileProblem("problem.import.not-xlsx", e.getMessage());
        }
    }

    @Override
    public RawRow next() {
        try {
            Row row = nextRow();
            return row == null ? null : rows.row(row.number(), row.cells());
        } catch (XMLStreamException e) {
            throw new FileProblem("problem.import.not-xlsx", e.getMessage());
        }
    }

    private record Row(long number, List<String> cells) {
    }

    /** The next row with a value in it, its trailing empty cells dropped; {@code null} at the end of the sheet. */
    private Row nextRow() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                String r = xml.getAttributeValue(null, "r");
                long number = r == null ? -1 : Long.parseLong(r);
                List<String> cells = readCells();
                while (!cells.isEmpty() && (cells.get(cells.size() - 1) == null || cells.get(cells.size() - 1).isEmpty())) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.isEmpty()) {
                    return new Row(number, cells);
                }
            }
        }
        return null;
    }

    /** The cells of the row the reader is on, placed by their column (a cell may be left out of the XML). */
    private List<String> readCells() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? cells.size() : column(ref);
                String value = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                while (cells.size() < column) {
                    cells.add(null);
                }
                cells.add(value);
            }
        }
        return cells;
    }

    /** The text of the cell the reader is on; it reads up to the cell's end. */
    private String readCell(String type, String style) throws XMLStreamException {
        StringBuilder value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = new StringBuilder(xml.getElementText());
                } else if ("t".equals(name)) {
                    (inline == null ? inline = new StringBuilder() : inline).append(xml.getElementText());
                } else if ("rPh".equals(name)) {
                    skipElement(); // phonetic guide for East Asian text: not part of the value
                }
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? null : inline.toString();
        }
        if (value == null) {
            return null;
        }
        String raw = value.toString();
        return switch (type == null ? "n" : type) {
            case "s" -> strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            case "b" -> "1".equals(raw.strip()) ? "true" : "false";
            case "n" -> number(raw.strip(), style);
            default -> raw; // str (a formula's text), e (an error such as #N/A), d (an ISO date)
        };
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String number(String raw, String style) {
        if (raw.isEmpty()) {
            return null;
        }
        if (style != null && !style.isEmpty() && isDateStyle(Integer.parseInt(style))) {
            LocalDateTime at = DateUtil.getLocalDateTime(Double.parseDouble(raw), date1904, true);
            return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : DATE_TIME.format(at);
        }
        return plain(raw);
    }

    /** A number as stored, to Excel's precision, without exponent or trailing zeros: 1.0E7 is 10000000, 19.9 stays 19.9. */
    static String plain(String raw) {
        BigDecimal number = new BigDecimal(raw);
        if (number.precision() > EXCEL_DIGITS.getPrecision()) {
            number = number.round(EXCEL_DIGITS);
        }
        number = number.stripTrailingZeros();
        return (number.scale() < 0 ? number.setScale(0) : number).toPlainString();
    }

    private boolean isDateStyle(int index) {
        if (styles == null || index >= styles.getNumCellStyles()) {
            return false;
        }
        XSSFCellStyle cellStyle = styles.getStyleAt(index);
        return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }

    /** The 0-based column of a cell reference such as {@code AB12}. */
    private static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return column - 1;
    }

    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "workbookPr".equals(xml.getLocalName())) {
                    String value = xml.getAttributeValue(null, "date1904");
                    return "1".equals(value) || "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
                }
                if (xml.getEventType() == XMLStreamConstants.START_ELEMENT && "sheets".equals(xml.getLocalName())) {
                    return false;
                }
            }
            return false;
        }
    }

    @Override
    public Set<String> presentFields() {
        return rows.present();
    }

    /** The bytes of the file as far as the sheet has been read, in proportion (the sheet is compressed in the file). */
    @Override
    public long bytesRead() {
        return Math.min(fileBytes, fileBytes * consumed / sheetBytes);
    }

    @Override
    public List<String> columns() {
        return rows.header();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the sheet is closed with the package below
        } finally {
            sheet.close();
            pack.revert();
        }
    }
}
