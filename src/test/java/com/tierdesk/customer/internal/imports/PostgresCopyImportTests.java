package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.PostgresOnly;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The COPY path on PostgreSQL: a file staged in several chunks, loaded, then re-imported unchanged and edited. */
@PostgresOnly
@SpringBootTest(properties = "tierdesk.import.chunk-rows=20000")
class PostgresCopyImportTests {

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void stagesInChunksWithCopyAndMergesSetBased() {
        ImportFixtures f = new ImportFixtures(imports, jdbc, dir);
        StringBuilder customers = new StringBuilder("code,name,tags\n");
        StringBuilder orders = new StringBuilder("external_id,customer_code,amount,refund_amount,placed_at,paid_at,status\n");
        for (int c = 0; c < 2_000; c++) {
            customers.append("{p}C").append(c).append(",客户\\").append(c).append(",a;b\n");
            for (int o = 0; o < 30; o++) {
                orders.append("{p}O").append(c).append('-').append(o).append(",{p}C").append(c).append(',')
                        .append(o + 1).append(".5,").append(o % 7 == 0 ? "1.25" : "0").append(",2025-0").append(1 + o % 9)
                        .append("-15T10:00:00+08:00,2025-0").append(1 + o % 9).append("-15T10:30:00+08:00,")
                        .append(o % 10 == 0 ? "CANCELLED" : "PAID").append('\n');
            }
        }
        assertThat(f.run(ImportKind.CUSTOMERS, f.file("customers.csv", customers.toString())).created()).isEqualTo(2_000);
        Path file = f.file("orders.csv", orders.toString());

        ImportReport first = f.run(ImportKind.ORDERS, file);
        ImportReport again = f.run(ImportKind.ORDERS, file);

        assertThat(first).extracting(ImportReport::created, ImportReport::rejected).containsExactly(60_000L, 0L);
        assertThat(again).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 0L, 60_000L);
        assertThat(f.name("C7")).isEqualTo("客户\\7");
        assertThat(f.aggregateMismatches()).isEmpty();

        ImportReport edited = f.run(ImportKind.ORDERS, f.file("edited.csv", orders.toString()
                .replace(",{p}C5,1.5,", ",{p}C5,99.5,").replace("{p}", f.p)));
        assertThat(edited).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 1L, 59_999L);
        assertThat(f.aggregateMismatches()).isEmpty();
    }
}
