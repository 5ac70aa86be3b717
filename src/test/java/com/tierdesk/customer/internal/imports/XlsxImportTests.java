package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.RowProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class XlsxImportTests {

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    CustomerFixture f;

    @BeforeEach
    void fixtures() {
        f = new CustomerFixture(dir, imports, jdbc);
    }

    /** Writes a sheet through SXSSF: strings as shared/inline text, numbers as numbers, dates as date-formatted serials. */
    static Path xlsx(Path file, List<List<Object>> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Sheet sheet = workbook.createSheet("数据");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDateTime at) {
                        cell.setCellValue(at);
                        cell.setCellStyle(dateTime);
                    } else if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Boolean flag) {
                        cell.setCellValue(flag);
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    @Test
    void anXlsxWithChineseTextDatesAndNumbersImportsLikeItsCsvTwin() throws IOException {
        CustomerFixture csv = new CustomerFixture(dir, imports, jdbc);
        CustomerFixture excel = new CustomerFixture(dir, imports, jdbc);
        String header = "code,name,kind,region,birthday,registered_on,consent_email,tags";
        Path csvCustomers = csv.file("customers.csv", header + """

                {p}C1,张三,个人,上海,1990-05-01,2024-01-02,true,vip;老客户
                {p}C2,深圳市某某科技有限公司,企业,广东 深圳,,2024-02-03,false,b2b
                """);
        Path xlsxCustomers = xlsx(dir.resolve("customers.xlsx"), List.of(
                List.of((Object[]) header.split(",")),
                java.util.Arrays.asList(excel.p + "C1", "张三", "个人", "上海", LocalDate.of(1990, 5, 1),
                        LocalDate.of(2024, 1, 2), true, "vip;老客户"),
                java.util.Arrays.asList(excel.p + "C2", "深圳市某某科技有限公司", "企业", "广东 深圳", null,
                        LocalDate.of(2024, 2, 3), false, "b2b")));
        Path csvOrders = csv.file("orders.csv", """
                external_id,customer_code,amount,refund_amount,placed_at,paid_at,status
                {p}O1,{p}C1,19.9,0,2025-01-05T10:00:00,2025-01-05T10:20:30,
                {p}O2,{p}C1,10000000,5.25,2025-02-01,2025-02-01T09:30:00,REFUNDED
                {p}O3,{p}C2,0.3,,2025-02-10,,
                """);
        Path xlsxOrders = xlsx(dir.resolve("orders.xlsx"), List.of(
                List.of("external_id", "customer_code", "amount", "refund_amount", "placed_at", "paid_at", "status"),
                java.util.Arrays.asList(excel.p + "O1", excel.p + "C1", 19.9, 0, LocalDateTime.of(2025, 1, 5, 10, 0),
                        LocalDateTime.of(2025, 1, 5, 10, 20, 30), null),
                java.util.Arrays.asList(excel.p + "O2", excel.p + "C1", 1.0E7, 5.25, LocalDate.of(2025, 2, 1),
                        LocalDateTime.of(2025, 2, 1, 9, 30), "REFUNDED"),
                // 0.1 + 0.2 is stored as 0.30000000000000004: read as Excel shows it
                java.util.Arrays.asList(excel.p + "O3", excel.p + "C2", 0.1 + 0.2, null, LocalDate.of(2025, 2, 10))));

        for (ImportReport report : List.of(csv.run(ImportKind.CUSTOMERS, csvCustomers), excel.run(ImportKind.CUSTOMERS, xlsxCustomers),
                csv.run(ImportKind.ORDERS, csvOrders), excel.run(ImportKind.ORDERS, xlsxOrders))) {
            assertThat(report.problems()).isEmpty();
            assertThat(report.committed()).isTrue();
        }

        assertThat(customers(excel)).isEqualTo(customers(csv)).hasSize(2);
        assertThat(orders(excel)).isEqualTo(orders(csv)).hasSize(3);
        assertThat(excel.tags("C1")).containsExactly("vip", "老客户");
        assertThat(excel.name("C2")).isEqualTo("深圳市某某科技有限公司");
    }

    @Test
    void aBadRowIsReportedWithTheRowNumberExcelShows() throws IOException {
        Path file = xlsx(dir.resolve("orders.xlsx"), List.of(
                List.of("external_id", "customer_code", "amount", "placed_at"),
                List.of(),
                List.of(f.p + "O1", f.p + "C1", 12.5, LocalDate.of(2025, 1, 1)),
                List.of(f.p + "O2", f.p + "C1", "十二", LocalDate.of(2025, 1, 2))));

        ImportReport report = f.run(new ImportRequest(ImportKind.ORDERS, file, "orders.xlsx", null, null, null, Map.of())
                .withCreateMissingCustomers(true));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems().page(0, 10)).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(4L, "amount"));
    }

    @Test
    void aNumberIsReadAsExcelShowsIt() {
        assertThat(XlsxRowSource.plain("1.0E7")).isEqualTo("10000000");
        assertThat(XlsxRowSource.plain("19.899999999999999")).isEqualTo("19.9");
        assertThat(XlsxRowSource.plain("0.30000000000000004")).isEqualTo("0.3");
        assertThat(XlsxRowSource.plain("123456789012.34")).isEqualTo("123456789012.34");
        assertThat(XlsxRowSource.plain("100")).isEqualTo("100");
    }

    private List<Map<String, Object>> customers(CustomerFixture fixture) {
        return jdbc.sql("""
                SELECT substring(code, length(:p) + 1) AS code, name, kind, region, birthday, registered_on, consent_email
                FROM customer WHERE code LIKE :p || '%' ORDER BY code""").param("p", fixture.p).query().listOfRows();
    }

    private List<Map<String, Object>> orders(CustomerFixture fixture) {
        return jdbc.sql("""
                SELECT substring(o.external_id, length(:p) + 1) AS external_id, substring(c.code, length(:p) + 1) AS customer,
                       o.amount, o.refund_amount, o.placed_at, o.paid_at, o.status
                FROM customer_order o JOIN customer c ON c.id = o.customer_id
                WHERE o.external_id LIKE :p || '%' ORDER BY o.external_id""").param("p", fixture.p).query().listOfRows();
    }
}
