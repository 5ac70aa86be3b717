package com.tierdesk.customer.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tierdesk.customer.ActivityFigures;
import com.tierdesk.customer.CustomerActivity;
import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportFormat;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.RowProblem;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class CustomerImportsTests {

    @Autowired
    CustomerActivity activity;

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

    private Path customers() {
        return f.file("customers.csv", """
                code,name,kind,industry,contact_person,phone,email,region,birthday,registered_on,membership_expires_on,owner,consent_marketing,consent_sms,consent_email,tags
                {p}C1,张三,个人,,,138 0013 8000,zhang@example.com,上海,1990-05-01,2024-01-02,2026-01-01,manager1,是,no,1,vip;老客户
                {p}C2,Acme Ltd,COMPANY,retail,Li Si,010-12345678,ops@acme.example,北京,,2024/02/03,,,true,false,0,b2b|key
                {p}C3,王五,PERSON,,,,,,,20240304,,,,,,
                """);
    }

    private Path orders() {
        return f.file("orders.csv", """
                external_id,customer_code,amount,refund_amount,placed_at,paid_at,status
                {p}O1,{p}C1,100.50,0,2025-01-05T10:00:00+08:00,2025-01-05T10:20:00+08:00,
                {p}O2,{p}C1,20,5.25,2025-02-01 09:00,2025-02-01 09:30,REFUNDED
                {p}O3,{p}C2,999.99,,2025-02-10,,
                {p}O4,{p}C2,300,,2025-03-01T08:00:00Z,2025-03-01T09:00:00Z,CANCELLED
                {p}O5,{p}C3,42,,2025-03-31T23:30:00+08:00,2025-03-31T23:40:00+08:00,DELIVERED
                """);
    }

    @Test
    void importsCustomersAndOrdersWithCountsAndAggregates() {
        ImportReport customers = f.run(ImportKind.CUSTOMERS, customers());
        assertThat(customers.problems()).isEmpty();
        assertThat(customers).extracting(ImportReport::committed, ImportReport::rows, ImportReport::created,
                ImportReport::updated, ImportReport::unchanged, ImportReport::rejected).containsExactly(true, 3L, 3L, 0L, 0L, 0L);
        assertThat(f.name("C1")).isEqualTo("张三");
        assertThat(f.tags("C1")).containsExactly("vip", "老客户");
        assertThat(f.tags("C2")).containsExactly("b2b", "key");
        Map<String, Object> c1 = jdbc.sql("SELECT kind, phone, consent_marketing, consent_sms, consent_email, birthday FROM customer WHERE code = ?")
                .param(f.p + "C1").query().singleRow();
        assertThat(c1).containsEntry("kind", "PERSON").containsEntry("phone", "13800138000")
                .containsEntry("consent_marketing", true).containsEntry("consent_sms", false).containsEntry("consent_email", true);

        ImportReport orders = f.run(ImportKind.ORDERS, orders());
        assertThat(orders.problems()).isEmpty();
        assertThat(orders).extracting(ImportReport::committed, ImportReport::rows, ImportReport::created,
                ImportReport::updated, ImportReport::unchanged, ImportReport::rejected).containsExactly(true, 5L, 5L, 0L, 0L, 0L);
        assertThat(jdbc.sql("SELECT status FROM customer_order WHERE external_id = ?").param(f.p + "O1").query(String.class).single())
                .isEqualTo("PAID");
        assertThat(jdbc.sql("SELECT status FROM customer_order WHERE external_id = ?").param(f.p + "O3").query(String.class).single())
                .isEqualTo("PLACED");
        assertThat(f.lifetimeSpend("C1")).isEqualByComparingTo("115.25");
        assertThat(f.lifetimeSpend("C2")).isEqualByComparingTo("0");
        assertThat(f.lifetimeSpend("C3")).isEqualByComparingTo("42");
        assertThat(f.aggregateMismatches()).isEmpty();
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        f.run(ImportKind.CUSTOMERS, customers());
        f.run(ImportKind.ORDERS, orders());
        Object versions = jdbc.sql("SELECT SUM(version) FROM customer WHERE code LIKE ?").param(f.p + "%").query(Long.class).single();

        ImportReport customers = f.run(ImportKind.CUSTOMERS, customers());
        ImportReport orders = f.run(ImportKind.ORDERS, orders());

        assertThat(customers).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 0L, 3L);
        assertThat(orders).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 0L, 5L);
        assertThat(jdbc.sql("SELECT SUM(version) FROM customer WHERE code LIKE ?").param(f.p + "%").query(Long.class).single())
                .isEqualTo(versions);
    }

    @Test
    void anEditedFileUpdatesOnlyTheChangedRows() {
        f.run(ImportKind.CUSTOMERS, customers());
        f.run(ImportKind.ORDERS, orders());

        ImportReport customers = f.run(ImportKind.CUSTOMERS, f.file("customers2.csv", """
                code,name,tags
                {p}C1,张三,vip;老客户
                {p}C2,Acme Ltd,b2b
                {p}C3,王五 (renamed),
                {p}C4,New One,
                """));
        assertThat(customers).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(1L, 2L, 1L);
        assertThat(f.tags("C2")).containsExactly("b2b");
        assertThat(f.name("C3")).isEqualTo("王五 (renamed)");
        assertThat(jdbc.sql("SELECT email FROM customer WHERE code = ?").param(f.p + "C1").query(String.class).single())
                .as("a column the file lacks is left as it was").isEqualTo("zhang@example.com");

        ImportReport orders = f.run(ImportKind.ORDERS, f.file("orders2.csv", """
                external_id,customer_code,amount,refund_amount,placed_at,paid_at,status
                {p}O1,{p}C1,100.50,0,2025-01-05T10:00:00+08:00,2025-01-05T10:20:00+08:00,
                {p}O2,{p}C1,20.00,5.25,2025-02-01 09:00,2025-02-01 09:30,REFUNDED
                {p}O3,{p}C2,999.99,,2025-02-10,2025-02-11,PAID
                {p}O4,{p}C2,300,,2025-03-01T08:00:00Z,2025-03-01T09:00:00Z,CANCELLED
                {p}O5,{p}C1,42,,2025-03-31T23:30:00+08:00,2025-03-31T23:40:00+08:00,DELIVERED
                """));
        assertThat(orders).extracting(ImportReport::created, ImportReport::updated, ImportReport::unchanged)
                .containsExactly(0L, 2L, 3L);
        assertThat(f.lifetimeSpend("C2")).isEqualByComparingTo("999.99");
        assertThat(f.lifetimeSpend("C1")).isEqualByComparingTo("157.25");
        assertThat(f.lifetimeSpend("C3")).as("the customer an order moved away from has no orders left").isNull();
        assertThat(f.aggregateMismatches()).isEmpty();
    }

    @Test
    void listsEveryBadRowWithLineFieldAndReason() {
        f.run(ImportKind.CUSTOMERS, customers());
        ImportReport customers = f.run(ImportKind.CUSTOMERS, f.file("bad-customers.csv", """
                code,name,kind,phone,email,birthday,consent_sms
                {p}B1,Good,PERSON,,,,
                {p}B2,,ALIEN,12345,not-an-email,1990-13-01,maybe
                bad code!,Name,,,,,
                {p}B3,Twice,,,,,
                {p}B3,Twice again,,,,,
                """));
        assertThat(customers.committed()).isFalse();
        assertThat(customers.rejected()).isEqualTo(4);
        assertThat(customers.problems()).extracting(RowProblem::line, RowProblem::field).containsExactly(
                tuple(3L, "name"), tuple(3L, "kind"), tuple(3L, "phone"), tuple(3L, "email"), tuple(3L, "birthday"),
                tuple(3L, "consent_sms"), tuple(4L, "code"), tuple(5L, "code"), tuple(6L, "code"));
        assertThat(customers.problems()).element(8).satisfies(problem -> assertThat(problem.reason().toString()).contains("appears 2 times"));

        ImportReport orders = f.run(ImportKind.ORDERS, f.file("bad-orders.csv", """
                external_id,customer_code,amount,refund_amount,placed_at,paid_at,status
                {p}X1,{p}C1,10.123,,2025-01-01,,
                {p}X2,{p}C1,-1,,yesterday,,SHIPPED
                {p}X3,{p}NOBODY,10,,2025-01-01,,
                {p}X4,{p}C1,10,11,2025-01-01,,
                {p}X5,{p}C1,10,,2025-01-01,,LOST
                {p}X6,{p}C1,10,,2025-01-01,,
                {p}X6,{p}C1,10,,2025-01-01,,
                {p}X7,{p}C1,10,,2025-01-01,,
                """));
        assertThat(orders.committed()).isFalse();
        assertThat(orders.rejected()).isEqualTo(7);
        assertThat(orders.problems()).extracting(RowProblem::line, RowProblem::field).containsExactly(
                tuple(2L, "amount"), tuple(3L, "amount"), tuple(3L, "placed_at"), tuple(4L, "customer_code"),
                tuple(5L, "refund_amount"), tuple(6L, "status"), tuple(7L, "external_id"), tuple(8L, "external_id"));
        assertThat(orders.problems()).first().satisfies(problem -> assertThat(problem.reason().toString()).contains("two decimal places"));
        assertThat(f.orders()).as("all or nothing writes nothing").isZero();
    }

    @Test
    void listsEveryRejectedRowOfAFileWithTwoHundredThousandBadRowsInLineOrder() {
        f.run(ImportKind.CUSTOMERS, customers());
        // odd rows break a field rule, even rows name an unknown customer: two checks whose problems interleave
        Path orders = f.generated("bad-orders.csv", "external_id,customer_code,amount,placed_at", 200_000,
                i -> i % 2 == 0 ? "{p}B" + i + ",{p}C1,1.001,2025-01-01" : "{p}B" + i + ",{p}NOBODY,1,2025-01-01");

        try (ImportReport report = f.run(ImportKind.ORDERS, orders)) {
            assertThat(report).extracting(ImportReport::committed, ImportReport::rows, ImportReport::rejected)
                    .containsExactly(false, 200_000L, 200_000L);
            assertThat(report.problems().size()).isEqualTo(200_000);
            long line = 2;
            for (RowProblem problem : report.problems()) {
                String field = line % 2 == 0 ? "amount" : "customer_code";
                if (problem.line() != line || !problem.field().equals(field)) {
                    throw new AssertionError("expected line " + line + ", " + field + " but got " + problem);
                }
                line++;
            }
            assertThat(line).isEqualTo(200_002);
            assertThat(report.problems().page(199_999, 10)).singleElement()
                    .satisfies(problem -> assertThat(problem.reason().toString()).isEqualTo("no customer has the code '" + f.p + "NOBODY'"));
        }
        assertThat(f.orders()).isZero();
    }

    @Test
    void validRowsModeWritesTheGoodRowsAndReportsTheBadOnes() {
        f.run(ImportKind.CUSTOMERS, customers());
        ImportReport orders = f.run(ImportRequest.of(ImportKind.ORDERS, f.file("some-bad.csv", """
                external_id,customer_code,amount,placed_at,paid_at
                {p}V1,{p}C1,10,2025-01-01,2025-01-01
                {p}V2,{p}NOBODY,10,2025-01-01,
                {p}V3,{p}C1,abc,2025-01-01,
                {p}V4,{p}C1,5,2025-01-02,2025-01-02
                """)).withMode(ImportMode.VALID_ROWS));
        assertThat(orders).extracting(ImportReport::committed, ImportReport::created, ImportReport::rejected)
                .containsExactly(true, 2L, 2L);
        assertThat(orders.problems()).extracting(RowProblem::line).containsExactly(3L, 4L);
        assertThat(f.orders()).isEqualTo(2);
        assertThat(f.lifetimeSpend("C1")).isEqualByComparingTo("15");
    }

    @Test
    void aFileWhoseRowsAreOnlyWrongTogetherOrAgainstTheDatabaseIsCheckedAsAWhole() {
        f.run(ImportKind.CUSTOMERS, customers());
        Path orders = f.file("first-load.csv", """
                external_id,customer_code,amount,placed_at,paid_at
                {p}F1,{p}C1,10,2025-01-01,2025-01-01
                {p}F2,{p}C2,20,2025-01-01,2025-01-01
                {p}F2,{p}C2,20,2025-01-01,2025-01-01
                {p}F3,{p}NOBODY,30,2025-01-01,
                """);
        ImportReport strict = f.run(ImportKind.ORDERS, orders);
        assertThat(strict).extracting(ImportReport::committed, ImportReport::rejected).containsExactly(false, 3L);
        assertThat(strict.problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(3L, "external_id"), tuple(4L, "external_id"), tuple(5L, "customer_code"));
        assertThat(f.orders()).isZero();

        ImportReport lenient = f.run(ImportRequest.of(ImportKind.ORDERS, orders).withMode(ImportMode.VALID_ROWS));
        assertThat(lenient).extracting(ImportReport::committed, ImportReport::created, ImportReport::rejected)
                .containsExactly(true, 1L, 3L);
        assertThat(f.lifetimeSpend("C1")).isEqualByComparingTo("10");
        assertThat(f.aggregateMismatches()).isEmpty();
    }

    @Test
    void importsInteractions() {
        f.run(ImportKind.CUSTOMERS, customers());
        ImportReport report = f.run(ImportRequest.of(ImportKind.INTERACTIONS, f.file("interactions.csv", """
                external_id,customer_code,kind,occurred_at,channel,subject,detail,product,usage_hours,feature_activation_rate,referred_customer_code
                {p}I1,{p}C1,COMPLAINT,2025-01-01T10:00:00+08:00,phone,发票问题,"多行
                详情",,,,
                {p}I2,{p}C1,PRODUCT_USAGE,2025-01-02,app,,,A,12.5,0.75,
                {p}I3,{p}C2,REFERRAL,2025-01-03,,,,,,,{p}C3
                {p}I4,{p}C2,SHOUTING,2025-01-03,,,,,,1.5,
                """)).withMode(ImportMode.VALID_ROWS));
        assertThat(report).extracting(ImportReport::created, ImportReport::rejected).containsExactly(3L, 1L);
        assertThat(report.problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(6L, "kind"), tuple(6L, "feature_activation_rate"));
        assertThat(jdbc.sql("SELECT detail FROM interaction WHERE external_id = ?").param(f.p + "I1").query(String.class).single())
                .isEqualTo("多行\n详情");
        assertThat(f.run(ImportRequest.of(ImportKind.INTERACTIONS, dir.resolve("interactions.csv")).withMode(ImportMode.VALID_ROWS)))
                .extracting(ImportReport::created, ImportReport::unchanged).containsExactly(0L, 3L);
    }

    @Test
    void importsJsonArraysWithTheSameFields() {
        ImportReport customers = f.run(ImportKind.CUSTOMERS, f.file("customers.json", """
                [ {"code": "{p}J1", "name": "李雷", "kind": "企业", "tags": ["a", "b"], "consent_email": true},
                  {"code": "{p}J2", "name": "韩梅梅", "phone": null} ]
                """));
        assertThat(customers.problems()).isEmpty();
        assertThat(customers.created()).isEqualTo(2);
        assertThat(f.tags("J1")).containsExactly("a", "b");
        ImportReport orders = f.run(ImportKind.ORDERS, f.file("orders.json", """
                [{"external_id": "{p}JO1", "customer_code": "{p}J1", "amount": 12.30, "placed_at": "2025-05-01", "paid_at": "2025-05-01"},
                 {"external_id": "{p}JO2", "customer_code": "{p}J2", "amount": 1.005, "placed_at": "2025-05-01"},
                 {"external_id": "{p}JO3", "amount": 1}]
                """));
        assertThat(orders.problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(2L, "amount"), tuple(3L, "customer_code"), tuple(3L, "placed_at"));
        assertThat(f.run(ImportRequest.of(ImportKind.ORDERS, dir.resolve("orders.json")).withMode(ImportMode.VALID_ROWS)).created())
                .isEqualTo(1);
        assertThat(f.lifetimeSpend("J1")).isEqualByComparingTo("12.30");
    }

    @Test
    void aColumnMappingImportsAFileWithOtherHeaders() {
        ImportReport report = f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.file("export.csv", """
                客户编号;客户名称;备注;Mobile
                {p}M1;赵六;ignore me;13900139000
                """)).withDelimiter(";").withColumnMapping(Map.of("客户编号", "code", "客户名称", "name", "备注", "-", "Mobile", "phone")));
        assertThat(report.problems()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
        assertThat(f.name("M1")).isEqualTo("赵六");
    }

    @Test
    void fileLevelProblemsAreClearAndWriteNothing() {
        assertFileProblem(f.run(ImportKind.CUSTOMERS, f.file("empty.csv", "")), "empty");
        assertFileProblem(f.run(ImportKind.CUSTOMERS, f.file("unknown.csv", "code,name,nickname\n{p}U1,A,B\n")),
                "unknown column 'nickname'");
        assertFileProblem(f.run(ImportKind.ORDERS, f.file("missing.csv", "external_id,customer_code\n{p}U1,A\n")),
                "missing required columns: amount, placed_at");
        assertFileProblem(f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.file("mapped.csv", "code,name\n{p}U1,A\n"))
                .withColumnMapping(Map.of("name", "nickname"))), "unknown fields: name=nickname");
        assertFileProblem(f.run(ImportKind.CUSTOMERS, f.file("broken.json", "[{\"code\": \"{p}U1\", ")), "not valid JSON");
        assertFileProblem(f.run(ImportKind.CUSTOMERS, dir.resolve("nothing-here.csv")), "does not exist");
        assertThat(f.customers()).isZero();
    }

    private static void assertFileProblem(ImportReport report, String reason) {
        assertThat(report.committed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isZero();
            assertThat(problem.reason().toString()).contains(reason);
        });
    }

    @Test
    void reportsProgressWhileReading() {
        Path many = f.generated("many.csv", "code,name", 12_000, i -> "{p}P" + i + ",Name " + i);
        List<Long> seen = new ArrayList<>();
        ImportReport report = imports.importFile(ImportRequest.of(ImportKind.CUSTOMERS, many),
                (rows, bytes, total) -> seen.add(rows));
        assertThat(report.created()).isEqualTo(12_000);
        assertThat(seen).containsExactly(5_000L, 10_000L, 12_000L);
    }

    @Test
    void theFormatCanBeDeclaredWhateverTheFileName() {
        ImportReport report = f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.file("upload.bin", "[{\"code\":\"{p}F1\",\"name\":\"X\"}]"))
                .withFormat(ImportFormat.JSON));
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void refusesWhatTheApiRefusesToo() {
        f.run(ImportKind.CUSTOMERS, customers());
        ImportReport customers = f.run(ImportKind.CUSTOMERS, f.file("api-rules-customers.csv", """
                code,name,birthday,tags
                {p}R1,"Bell\u0007Name",,
                {p}R2,Future,2999-01-01,
                {p}R3,Tagged,,"good;bad,tag"
                """));
        assertThat(customers.problems()).extracting(RowProblem::line, RowProblem::field)
                .containsExactly(tuple(2L, "name"), tuple(3L, "birthday"), tuple(4L, "tags"));

        ImportReport orders = f.run(ImportKind.ORDERS, f.file("api-rules-orders.csv", """
                external_id,customer_code,amount,placed_at,paid_at
                {p}P1,{p}C1,10,2025-03-01T10:00:00+08:00,2025-03-01T09:00:00+08:00
                """));
        assertThat(orders.problems()).extracting(RowProblem::line, RowProblem::field, problem -> problem.reason().toString())
                .containsExactly(tuple(2L, "paid_at", "must not be before placedAt"));
    }

    @Test
    void readsTabSeparatedFilesByTheTabAlias() {
        ImportReport report = f.run(ImportRequest.of(ImportKind.CUSTOMERS, f.file("tabs.tsv", "code\tname\n{p}T1\t制表符客户\n"))
                .withDelimiter("tab"));

        assertThat(report.created()).isEqualTo(1);
        assertThat(f.name("T1")).isEqualTo("制表符客户");
    }

    @Test
    void importedOrdersAndInteractionsReachTodaysActivityFigures() {
        String lastMonth = LocalDate.now(java.time.ZoneOffset.UTC).minusMonths(1).withDayOfMonth(10) + "T10:00:00+08:00";
        f.run(ImportKind.CUSTOMERS, f.file("customers.csv", "code,name,kind\n{p}C1,甲公司,COMPANY\n"));
        activity.refresh();
        f.run(ImportKind.ORDERS, f.file("orders.csv", """
                external_id,customer_code,amount,refund_amount,placed_at,paid_at,status
                {p}O1,{p}C1,88.80,0,%1$s,%1$s,PAID
                {p}O2,{p}C1,11.20,0,%1$s,%1$s,DELIVERED
                """.formatted(lastMonth)));
        f.run(ImportKind.INTERACTIONS, f.file("interactions.csv", """
                external_id,customer_code,kind,occurred_at
                {p}I1,{p}C1,REFERRAL,%s
                """.formatted(lastMonth)));

        List<ActivityFigures> figures = new ArrayList<>();
        long customerId = jdbc.sql("SELECT id FROM customer WHERE code = ?").param(f.p + "C1").query(Long.class).single();
        activity.forEach(activity.today(), each -> {
            if (each.customerId().value() == customerId) {
                figures.add(each);
            }
        });

        assertThat(figures).singleElement().satisfies(each -> {
            assertThat(each.spendLastMonthCents()).isEqualTo(10_000);
            assertThat(each.paidOrders()).isEqualTo(2);
            assertThat(each.referrals()).isEqualTo(1);
        });
    }
}
