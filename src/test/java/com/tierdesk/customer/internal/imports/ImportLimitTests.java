package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

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

@SpringBootTest(properties = "tierdesk.import.max-bytes=64B")
class ImportLimitTests {

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void refusesAFileLargerThanTheLimit() {
        CustomerFixture f = new CustomerFixture(dir, imports, jdbc);
        ImportReport report = f.run(ImportKind.CUSTOMERS, f.file("big.csv", "code,name\n" + "{p}A1,Name\n".repeat(10)));
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isZero();
            assertThat(problem.reason().toString()).contains("more than the 64 bytes allowed (tierdesk.import.max-bytes)");
        });
        assertThat(f.customers()).isZero();
    }
}
