package com.tierdesk.customer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The data hub's test data. Statically: builders for customers (with their spend), orders and interactions, each
 * with a unique code. Per test: import files and uploads whose codes carry the test's own prefix (written
 * {@code {p}} in a text), the imports of them, and what an import stored; so tests never depend on table contents.
 */
public final class CustomerFixture {

    /** The business time zone the tests run in (the default of {@code tierdesk.zone}). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The real CDNOW purchase history: customer id, date yyyyMMdd, number of CDs, dollar value. */
    public static final Path CDNOW = Path.of("../shared/data/cdnow/CDNOW_master.txt");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A prefix that keeps the codes and external ids of one test apart from every other test's. */
    public final String p = "T" + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet() + "-";

    private final Path dir;
    private final CustomerImports imports;
    private final JdbcClient jdbc;

    /** Files and uploads only. */
    public CustomerFixture(Path dir) {
        this(dir, null, null);
    }

    /** Files, their imports and what the imports stored. */
    public CustomerFixture(Path dir, CustomerImports imports, JdbcClient jdbc) {
        this.dir = dir;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    public static OrderBuilder anOrder(String customerCode) {
        return new OrderBuilder(customerCode);
    }

    public static InteractionDraft anInteraction(String customerCode, InteractionKind kind, Instant occurredAt) {
        return new InteractionDraft(unique("I"), customerCode, kind, occurredAt, "web", null, null, null, null, null, null);
    }

    public static InteractionDraft anInteraction(String customerCode, InteractionKind kind, String occurredAt) {
        return anInteraction(customerCode, kind, Instant.parse(occurredAt));
    }

    /**
     * How the CDNOW file imports as orders: blank-separated, customer_id → customer_code, date → placed_at and
     * paid_at, the CD count ignored, dollar_value → amount, every order PAID, the external id derived from customer
     * and date, unknown customers created.
     */
    public static ImportRequest cdnowRequest(Path file) {
        return ImportRequest.of(ImportKind.ORDERS, file)
                .withDelimiter(ImportRequest.WHITESPACE)
                .withColumnMapping(Map.of("customer_id", "customer_code", "date", "placed_at,paid_at",
                        "number_of_cds", "-", "dollar_value", "amount"))
                .withConstants(Map.of("status", "PAID"))
                .withExternalIdFrom(List.of("customer_code", "placed_at"))
                .withCreateMissingCustomers(true);
    }

    /** The text with this test's prefix for every {@code {p}}. */
    public String text(String template) {
        return template.replace("{p}", p);
    }

    public Path file(String name, String text) {
        return file(name, text, StandardCharsets.UTF_8);
    }

    public Path file(String name, String text, Charset charset) {
        return bytes(name, text(text).getBytes(charset));
    }

    public Path bytes(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UTF-8 file of a header line and {@code rows} generated lines, written as they are made. */
    public Path generated(String name, String header, int rows, IntFunction<String> row) {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(text(header));
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                out.write(text(row.apply(i)));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The first {@code lines} lines of the CDNOW file (the header included), its customer ids with this test's prefix. */
    public Path cdnow(int lines) {
        try {
            List<String> all = Files.readAllLines(CDNOW);
            return Files.write(dir.resolve("cdnow.txt"), all.subList(0, Math.min(lines, all.size())).stream()
                    .map(line -> line.replaceFirst("^ (\\d{5}) ", " " + p + "$1 ")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart upload named {@code file}, as the import API and console receive it. */
    public MockMultipartFile upload(String name, String text) {
        return upload(name, text, StandardCharsets.UTF_8);
    }

    public MockMultipartFile upload(String name, String text, Charset charset) {
        return new MockMultipartFile("file", name, "text/csv", text(text).getBytes(charset));
    }

    /** A file written before, e.g. a generated one, as an upload. */
    public MockMultipartFile upload(String name, Path file) {
        try {
            return new MockMultipartFile("file", name, "text/csv", Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many files of import problems the system's temporary directory holds. */
    public static long problemFiles() {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("tierdesk-import-problems-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ImportReport run(ImportRequest request) {
        return imports.importFile(request, ImportProgress.NONE);
    }

    public ImportReport run(ImportKind kind, Path file) {
        return run(ImportRequest.of(kind, file));
    }

    /** This test's customers. */
    public long customers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE code LIKE ?").param(p + "%").query(Long.class).single();
    }

    /** This test's orders. */
    public long orders() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id LIKE ?").param(p + "%").query(Long.class).single();
    }

    public String name(String code) {
        return jdbc.sql("SELECT name FROM customer WHERE code = ?").param(p + code).query(String.class).single();
    }

    public List<String> tags(String code) {
        return jdbc.sql("SELECT t.tag FROM customer_tag t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? ORDER BY t.tag")
                .param(p + code).query(String.class).list();
    }

    public BigDecimal lifetimeSpend(String code) {
        return jdbc.sql("SELECT s.lifetime_spend FROM customer_purchase_summary s JOIN customer c ON c.id = s.customer_id WHERE c.code = ?")
                .param(p + code).query(BigDecimal.class).optional().orElse(null);
    }

    /** Every stored aggregate of this test's customers, next to the same aggregate computed from the orders. */
    public List<Map<String, Object>> aggregateMismatches() {
        return jdbc.sql("""
                SELECT c.code, s.lifetime_spend, s.lifetime_orders, s.lifetime_paid_orders, x.spend, x.orders, x.paid
                  FROM customer c
                  LEFT JOIN customer_purchase_summary s ON s.customer_id = c.id
                  LEFT JOIN (SELECT customer_id, COUNT(*) AS orders, COUNT(paid_month) AS paid,
                                    COALESCE(SUM(CASE WHEN paid_month IS NOT NULL THEN amount - refund_amount END), 0) AS spend
                               FROM customer_order GROUP BY customer_id) x ON x.customer_id = c.id
                 WHERE c.code LIKE ?
                   AND (s.lifetime_spend IS DISTINCT FROM x.spend OR s.lifetime_orders IS DISTINCT FROM x.orders
                        OR s.lifetime_paid_orders IS DISTINCT FROM x.paid)
                UNION ALL
                SELECT c.code, m.spend, m.paid_orders, NULL, x.spend, x.paid, NULL
                  FROM customer c
                  JOIN (SELECT customer_id, paid_month, SUM(amount - refund_amount) AS spend, COUNT(*) AS paid
                          FROM customer_order WHERE paid_month IS NOT NULL GROUP BY customer_id, paid_month) x ON x.customer_id = c.id
                  LEFT JOIN customer_monthly_purchase m ON m.customer_id = c.id AND m.month_start = x.paid_month
                 WHERE c.code LIKE ? AND (m.spend IS DISTINCT FROM x.spend OR m.paid_orders IS DISTINCT FROM x.paid)
                """).param(p + "%").param(p + "%").query().listOfRows();
    }
}
