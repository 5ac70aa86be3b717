package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportReport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real CDNOW purchase history (whitespace separated, no external id, no customer names) imports
 * through a mapping: customer_id → customer_code, date → placed_at and paid_at, dollar_value → amount,
 * the CD count ignored, status PAID for every row, the external id derived from customer and date,
 * and unknown customers created.
 */
@SpringBootTest
class CdnowImportTests {

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void importsTheCdnowPurchaseHistoryAndItsAggregates() throws IOException {
        CustomerFixture f = new CustomerFixture(dir, imports, jdbc);
        // the same file with this test's customer codes, so that it does not meet another run's customers
        Path file = f.cdnow(Integer.MAX_VALUE);
        BigDecimal total = Files.readAllLines(CustomerFixture.CDNOW).stream().skip(1)
                .map(line -> new BigDecimal(line.strip().split("\\s+")[3])).reduce(BigDecimal.ZERO, BigDecimal::add);

        ImportReport report = f.run(CustomerFixture.cdnowRequest(file));

        assertThat(report.problems()).isEmpty();
        assertThat(report).extracting(ImportReport::committed, ImportReport::rows, ImportReport::created, ImportReport::rejected)
                .containsExactly(true, 69_659L, 69_659L, 0L);
        assertThat(f.customers()).isEqualTo(23_570);
        assertThat(f.name("00002")).isEqualTo(f.p + "00002");
        assertThat(f.lifetimeSpend("00002")).isEqualByComparingTo("89.00");
        Map<String, Object> summary = jdbc.sql("""
                SELECT s.lifetime_orders, s.lifetime_paid_orders FROM customer_purchase_summary s
                  JOIN customer c ON c.id = s.customer_id WHERE c.code = ?""").param(f.p + "00002").query().singleRow();
        assertThat(summary.values().stream().map(Object::toString).collect(Collectors.toList())).containsExactly("2", "2");
        assertThat(jdbc.sql("SELECT external_id FROM customer_order o JOIN customer c ON c.id = o.customer_id WHERE c.code = ? ORDER BY external_id")
                .param(f.p + "00002").query(String.class).list())
                .containsExactly(f.p + "00002-19970112-1", f.p + "00002-19970112-2");
        assertThat(jdbc.sql("SELECT SUM(s.lifetime_spend) FROM customer_purchase_summary s JOIN customer c ON c.id = s.customer_id WHERE c.code LIKE ?")
                .param(f.p + "%").query(BigDecimal.class).single()).isEqualByComparingTo(total);
        assertThat(f.aggregateMismatches()).isEmpty();

        ImportReport again = f.run(CustomerFixture.cdnowRequest(file));
        assertThat(again).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 0L, 69_659L);
    }
}
