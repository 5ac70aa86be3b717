package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.RowProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A file is held to the rules the API applies to the same fields; what no reader can take refuses the file, never fails. */
@SpringBootTest
class ImportInputPolicyTests {

    @Autowired
    CustomerImports imports;

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
    void aDetailMayHoldLineBreaksAndTabsButNoOtherControlCharacter() {
        ImportReport report = f.run(ImportRequest.of(ImportKind.INTERACTIONS, f.file("interactions.csv", """
                external_id,customer_code,kind,occurred_at,subject,detail
                {p}I1,{p}C1,COMPLAINT,2025-01-01,到货,"第一行
                \t第二行"
                {p}I2,{p}C1,COMPLAINT,2025-01-01,到货,"响铃\u0007"
                {p}I3,{p}C1,COMPLAINT,2025-01-01,到货,"空\u0000字符"
                {p}I4,{p}C1,COMPLAINT,2025-01-01,"两
                行",
                """)).withMode(ImportMode.VALID_ROWS));

        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(4L, "detail"), tuple(5L, "detail"), tuple(6L, "subject"));
        assertThat(report.created()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM interaction WHERE external_id = ?").param(f.p + "I1").query(String.class).single())
                .isEqualTo("第一行\n\t第二行");
    }

    @Test
    void aLoneSurrogateInANameIsRefused() {
        ImportReport report = f.run(ImportKind.CUSTOMERS, f.file("customers.json", """
                [{"code": "{p}S1", "name": "张三\\ud800"}, {"code": "{p}S2", "name": "\\udc00李四"}]
                """));

        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field).containsExactly(
                tuple(1L, "name"), tuple(2L, "name"));
        assertThat(report.problems()).allSatisfy(problem -> assertThat(problem.reason().toString()).startsWith("must not contain a lone surrogate"));
        assertThat(f.customers()).isEqualTo(1);
    }

    @Test
    void datesAndTimesAreTakenFrom1900To9999() {
        ImportReport customers = f.run(ImportKind.CUSTOMERS, f.file("dates.csv", """
                code,name,registered_on,membership_expires_on
                {p}Y1,远未来,+99999-01-01,
                {p}Y2,远过去,,0999-12-31
                """));
        ImportReport orders = f.run(ImportKind.ORDERS, f.file("orders.csv", """
                external_id,customer_code,amount,placed_at,paid_at
                {p}O1,{p}C1,1,+99999-01-01T00:00:00Z,
                {p}O2,{p}C1,1,0500-01-01T00:00:00Z,
                {p}O3,{p}C1,1,1899-12-31,
                """));

        assertThat(customers.problems()).extracting(RowProblem::line, RowProblem::field, problem -> problem.reason().toString()).containsExactly(
                tuple(2L, "registered_on", "must be between 1900-01-01 and 9999-12-31"),
                tuple(3L, "membership_expires_on", "must be between 1900-01-01 and 9999-12-31"));
        assertThat(orders.problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(2L, "placed_at"), tuple(3L, "placed_at"), tuple(4L, "placed_at"));
        assertThat(f.orders()).isZero();
    }

    @Test
    void jsonNestedDeeperThanTheReaderTakesRefusesTheFile() {
        ImportReport report = f.run(ImportKind.CUSTOMERS, f.file("nested.json",
                "[{\"code\": \"{p}N1\", \"name\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}]"));

        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isZero();
            assertThat(problem.reason().toString()).contains("not valid JSON").contains("nesting depth");
        });
    }

    @Test
    void aDelimiterThatCannotSeparateFieldsRefusesTheFile() {
        for (String delimiter : new String[] {"\n", "\""}) {
            ImportReport report = f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.file("d.csv", "code,name\n{p}D1,名\n"))
                    .withDelimiter(delimiter));

            assertThat(report.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isZero();
                assertThat(problem.reason().toString()).startsWith("the delimiter must not contain");
            });
        }
    }

    @Test
    void aProblemQuotesAHugeValueOnlyInPart() {
        String huge = "9".repeat(100_000);
        ImportReport report = f.run(ImportKind.ORDERS, f.file("huge.csv",
                "external_id,customer_code,amount,placed_at\n{p}H1,{p}C1," + huge + "x," + huge + "\n"));

        assertThat(report.problems()).extracting(RowProblem::field).containsExactly("amount", "placed_at");
        assertThat(report.problems()).allSatisfy(problem -> assertThat(problem.reason().toString().length()).isLessThan(300));
    }
}
