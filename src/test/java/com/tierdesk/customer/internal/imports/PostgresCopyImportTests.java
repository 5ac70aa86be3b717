package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.PostgresOnly;
import com.tierdesk.customer.CustomerFixture;
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

    private static final String ORDER_HEADER = "external_id,customer_code,amount,refund_amount,placed_at,paid_at,status";

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void stagesInChunksWithCopyAndMergesSetBased() {
        CustomerFixture f = new CustomerFixture(dir, imports, jdbc);
        Path customers = f.generated("customers.csv", "code,name,tags", 2_000, c -> "{p}C" + c + ",客户\\" + c + ",a;b");
        Path file = f.generated("orders.csv", ORDER_HEADER, 60_000, PostgresCopyImportTests::order);
        assertThat(f.run(ImportKind.CUSTOMERS, customers).created()).isEqualTo(2_000);

        ImportReport first = f.run(ImportKind.ORDERS, file);
        ImportReport again = f.run(ImportKind.ORDERS, file);

        assertThat(first).extracting(ImportReport::created, ImportReport::rejected).containsExactly(60_000L, 0L);
        assertThat(again).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 0L, 60_000L);
        assertThat(f.name("C7")).isEqualTo("客户\\7");
        assertThat(f.aggregateMismatches()).isEmpty();

        ImportReport edited = f.run(ImportKind.ORDERS, f.generated("edited.csv", ORDER_HEADER, 60_000,
                row -> order(row).replace(",{p}C5,1.5,", ",{p}C5,99.5,")));
        assertThat(edited).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 1L, 59_999L);
        assertThat(f.aggregateMismatches()).isEmpty();
    }

    /** Thirty orders a customer in the first nine months of 2025, some refunded in part, every tenth cancelled. */
    private static String order(int row) {
        int c = row / 30;
        int o = row % 30;
        String month = "2025-0" + (1 + o % 9);
        return "{p}O" + c + "-" + o + ",{p}C" + c + "," + (o + 1) + ".5," + (o % 7 == 0 ? "1.25" : "0") + "," + month
                + "-15T10:00:00+08:00," + month + "-15T10:30:00+08:00," + (o % 10 == 0 ? "CANCELLED" : "PAID");
    }
}
