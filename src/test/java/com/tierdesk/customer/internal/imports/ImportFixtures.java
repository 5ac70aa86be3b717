package com.tierdesk.customer.internal.imports;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes small import files with unique codes and reads back what an import stored. */
final class ImportFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final CustomerImports imports;
    private final JdbcClient jdbc;
    private final Path dir;
    /** A prefix that keeps the codes and external ids of one test apart from every other test's. */
    final String p;

    ImportFixtures(CustomerImports imports, JdbcClient jdbc, Path dir) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.dir = dir;
        this.p = "T" + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet() + "-";
    }

    Path file(String name, String text) {
        return bytes(name, text.replace("{p}", p).getBytes(StandardCharsets.UTF_8));
    }

    Path file(String name, String text, Charset charset) {
        return bytes(name, text.replace("{p}", p).getBytes(charset));
    }

    Path bytes(String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportReport run(ImportRequest request) {
        return imports.importFile(request, ImportProgress.NONE);
    }

    ImportReport run(ImportKind kind, Path file) {
        return run(ImportRequest.of(kind, file));
    }

    long customers() {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE code LIKE ?").param(p + "%").query(Long.class).single();
    }

    long orders() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE external_id LIKE ?").param(p + "%").query(Long.class).single();
    }

    String name(String code) {
        return jdbc.sql("SELECT name FROM customer WHERE code = ?").param(p + code).query(String.class).single();
    }

    List<String> tags(String code) {
        return jdbc.sql("SELECT t.tag FROM customer_tag t JOIN customer c ON c.id = t.customer_id WHERE c.code = ? ORDER BY t.tag")
                .param(p + code).query(String.class).list();
    }

    BigDecimal lifetimeSpend(String code) {
        return jdbc.sql("SELECT s.lifetime_spend FROM customer_purchase_summary s JOIN customer c ON c.id = s.customer_id WHERE c.code = ?")
                .param(p + code).query(BigDecimal.class).optional().orElse(null);
    }

    /** Every stored aggregate of this test's customers, next to the same aggregate computed from the orders. */
    List<Map<String, Object>> aggregateMismatches() {
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
