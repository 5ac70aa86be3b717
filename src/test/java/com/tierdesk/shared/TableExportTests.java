package com.tierdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.shared.ExportColumn.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableExportTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<ExportColumn> COLUMNS = List.of(ExportColumn.text("名称"), new ExportColumn("数量", Kind.INTEGER),
            new ExportColumn("金额", Kind.AMOUNT), new ExportColumn("得分", Kind.DECIMAL), new ExportColumn("日期", Kind.DATE),
            new ExportColumn("时间", Kind.INSTANT));
    static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-28T04:00:00Z");

    @Test
    void csvIsUtf8WithABomQuotedAsRfc4180SaysWithNumbersAsTheyAre() {
        var rows = ExportedFile.csv(write(ExportFormat.CSV, new Object[][]{
                {"上海\"浦东\", 分店\r\n二楼", 12, new BigDecimal("-1234.5"), 78.4, LocalDate.of(2026, 11, 28), NOON_IN_SHANGHAI},
                {null, null, null, Double.NaN, null, null}}));

        assertThat(rows).containsExactly(
                List.of("名称", "数量", "金额", "得分", "日期", "时间"),
                List.of("上海\"浦东\", 分店\r\n二楼", "12", "-1234.50", "78.4", "2026-11-28", "2026-11-28 12:00:00"),
                List.of("", "", "", "", "", ""));
    }

    @Test
    void csvTextThatASpreadsheetWouldRunAsAFormulaIsMadePlainText() {
        var rows = ExportedFile.csv(write(ExportFormat.CSV, new Object[][]{
                {"=HYPERLINK(\"http://x\")", -5, new BigDecimal("-3"), -1.5, null, null},
                {"+86 138", 0, null, null, null, null},
                {"-2+3", 0, null, null, null, null},
                {"@SUM(A1)", 0, null, null, null, null},
                {"\tcmd", 0, null, null, null, null},
                {"a=b", 0, null, null, null, null}}));

        assertThat(rows.stream().skip(1).map(row -> row.get(0))).containsExactly(
                "'=HYPERLINK(\"http://x\")", "'+86 138", "'-2+3", "'@SUM(A1)", "'\tcmd", "a=b");
        assertThat(rows.get(1).subList(1, 4)).as("numbers stay numbers").containsExactly("-5", "-3.00", "-1.5");
    }

    @Test
    void xlsxHasNumericCellsDateCellsChineseTextAndABoldFrozenHeader() throws IOException {
        byte[] file = write(ExportFormat.XLSX, new Object[][]{
                {"=1+1 上海客户", 12, new BigDecimal("1234.5"), 78.4, LocalDate.of(2026, 11, 28), NOON_IN_SHANGHAI},
                {null, null, null, Double.NaN, null, null}});

        var rows = ExportedFile.xlsx(file);
        List<Cell> header = rows.get(0);
        assertThat(header.stream().map(Cell::getStringCellValue)).containsExactly("名称", "数量", "金额", "得分", "日期", "时间");
        assertThat(header.get(0).getSheet().getWorkbook().getFontAt(header.get(0).getCellStyle().getFontIndex()).getBold())
                .isTrue();
        assertThat(header.get(0).getSheet().getPaneInformation().isFreezePane()).isTrue();
        List<Cell> row = rows.get(1);
        assertThat(row.get(0).getCellType()).isEqualTo(CellType.STRING);
        assertThat(row.get(0).getStringCellValue()).as("text is never a formula in a workbook").isEqualTo("=1+1 上海客户");
        assertThat(row.get(1).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(row.get(1).getNumericCellValue()).isEqualTo(12);
        assertThat(row.get(2).getNumericCellValue()).isEqualTo(1234.5);
        assertThat(row.get(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(row.get(3).getNumericCellValue()).isEqualTo(78.4);
        assertThat(DateUtil.isCellDateFormatted(row.get(4))).isTrue();
        assertThat(row.get(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 28, 0, 0));
        assertThat(DateUtil.isCellDateFormatted(row.get(5))).isTrue();
        assertThat(row.get(5).getLocalDateTimeCellValue()).as("in the reader's time zone")
                .isEqualTo(LocalDateTime.of(2026, 11, 28, 12, 0));
        assertThat(rows.get(2)).allMatch(cell -> cell == null);
    }

    @Test
    void xlsxLeavesNoTemporaryFileBehindFinishedOrNot(@TempDir Path dir) throws IOException {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(dir.toFile()));
        try {
            write(ExportFormat.XLSX, new Object[][]{{"a", 1, null, null, null, null}});
            try (var export = TableExport.open(ExportFormat.XLSX, new ByteArrayOutputStream(), SHANGHAI, COLUMNS)) {
                export.row("b", 2, null, null, null, null);
                assertThat(files(dir)).as("the rows beyond the window went to a temporary file").isNotEmpty();
            }

            assertThat(files(dir)).isEmpty();
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] write(ExportFormat format, Object[][] rows) {
        var out = new ByteArrayOutputStream();
        try (var export = TableExport.open(format, out, SHANGHAI, COLUMNS)) {
            for (Object[] row : rows) {
                export.row(row);
            }
            export.finish();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }
}
