package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.CustomerOrders;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.OrderLine;
import com.tierdesk.customer.RowProblem;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An order file's lines column: code|name|quantity|amount per line, lines separated by semicolons. */
@SpringBootTest
class OrderLineImportTests {

    @Autowired
    CustomerImports imports;

    @Autowired
    CustomerOrders orders;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    CustomerFixture f;

    @BeforeEach
    void fixture() {
        f = new CustomerFixture(dir, imports, jdbc);
        f.run(ImportKind.CUSTOMERS, f.file("customers.csv", "code,name\n{p}C1,甲\n"));
    }

    @Test
    void linesAreStoredWithTheOrderAndReplacedByALaterFile() {
        ImportReport first = f.run(ImportKind.ORDERS, f.file("orders.csv", """
                external_id,customer_code,amount,placed_at,paid_at,lines
                {p}O1,{p}C1,427.90,2026-01-05T10:00:00Z,2026-01-05T10:05:00Z,SKU-1|蓝牙耳机|2|398.00; SKU-2|充电线|1|29.90
                {p}O2,{p}C1,10.00,2026-01-06T10:00:00Z,2026-01-06T10:05:00Z,
                """));
        assertThat(first.created()).isEqualTo(2);
        assertThat(orders.get(f.p + "O1").lines()).containsExactly(
                new OrderLine(1, "SKU-1", "蓝牙耳机", 2, new BigDecimal("398.00")),
                new OrderLine(2, "SKU-2", "充电线", 1, new BigDecimal("29.90")));
        assertThat(orders.get(f.p + "O2").lines()).isEmpty();

        f.run(ImportKind.ORDERS, f.file("again.csv", """
                external_id,customer_code,amount,placed_at,paid_at,lines
                {p}O1,{p}C1,427.90,2026-01-05T10:00:00Z,2026-01-05T10:05:00Z,SKU-3|耳机套|1|427.90
                """));
        assertThat(orders.get(f.p + "O1").lines()).extracting(OrderLine::productCode).containsExactly("SKU-3");
    }

    @Test
    void aBadLineRefusesItsRowNamingTheFieldOfTheLine() {
        ImportReport report = f.run(ImportRequest.of(ImportKind.ORDERS, f.file("orders.csv", """
                external_id,customer_code,amount,placed_at,lines
                {p}O1,{p}C1,1,2026-01-05T10:00:00Z,SKU-1|耳机|0|1.00
                {p}O2,{p}C1,1,2026-01-05T10:00:00Z,SKU-1|耳机|1
                {p}O3,{p}C1,1,2026-01-05T10:00:00Z,SKU-1|耳机|1|1.00
                """)).withMode(ImportMode.VALID_ROWS));

        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field).containsExactly(
                tuple(2L, "lines[0].quantity"), tuple(3L, "lines"));
        assertThat(report.problems()).element(1).satisfies(problem -> assertThat(problem.reason().toString())
                .contains("product code|product name|quantity|amount"));
        assertThat(report.created()).isEqualTo(1);
        assertThat(orders.get(f.p + "O3").lines()).hasSize(1);
    }
}
