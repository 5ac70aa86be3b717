package com.tierdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.FieldRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTests {

    private static final DemoDataSpec SPEC = new DemoDataSpec(2000, 12, LocalDate.of(2026, 6, 30), 42);

    @TempDir
    Path directory;

    @Test
    void sameSeedWritesTheSameFiles() throws IOException {
        DemoFiles first = new DemoDataGenerator(SPEC).write(directory.resolve("a"), done -> { });
        DemoFiles second = new DemoDataGenerator(SPEC).write(directory.resolve("b"), done -> { });

        assertThat(Files.readAllBytes(first.orders())).isEqualTo(Files.readAllBytes(second.orders()));
        assertThat(Files.readAllBytes(first.customers())).isEqualTo(Files.readAllBytes(second.customers()));
    }

    @Test
    void everyRowHasAllColumnsAndValidValues() throws IOException {
        DemoFiles files = new DemoDataGenerator(SPEC).write(directory, done -> { });

        List<String> customers = Files.readAllLines(files.customers());
        assertThat(customers).hasSize(SPEC.customers() + 1);
        Set<String> codes = new HashSet<>();
        for (String row : customers.subList(1, customers.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells).as(row).hasSize(16);
            assertThat(codes.add(cells[0])).as("unique code " + cells[0]).isTrue();
            assertThat(FieldRules.code(cells[0])).isEmpty();
            assertThat(FieldRules.phone(cells[5])).as(row).isEmpty();
            assertThat(FieldRules.email(cells[6])).as(row).isEmpty();
        }

        List<String> orders = Files.readAllLines(files.orders());
        assertThat(orders).hasSize((int) files.orderRows() + 1);
        for (String row : orders.subList(1, orders.size())) {
            String[] cells = row.split(",", -1);
            assertThat(cells).as(row).hasSize(7);
            assertThat(codes).contains(cells[1]);
            BigDecimal amount = FieldRules.parseAmount(cells[2]);
            assertThat(FieldRules.parseAmount(cells[3])).isLessThanOrEqualTo(amount);
            FieldRules.parseInstant(cells[4], ZoneId.of("Asia/Shanghai"));
            assertThat(cells[6]).isIn("PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");
        }

        List<String> interactions = Files.readAllLines(files.interactions());
        assertThat(interactions).hasSize((int) files.interactionRows() + 1);
        interactions.subList(1, interactions.size())
                .forEach(row -> assertThat(row.split(",", -1)).as(row).hasSize(11));
    }

    @Test
    void spendIsSpreadLikeARealShop() throws IOException {
        DemoFiles files = new DemoDataGenerator(SPEC).write(directory, done -> { });

        Map<String, BigDecimal> spend = new HashMap<>();
        for (String row : Files.readAllLines(files.orders()).subList(1, (int) files.orderRows() + 1)) {
            String[] cells = row.split(",", -1);
            spend.merge(cells[1], new BigDecimal(cells[2]), BigDecimal::add);
        }
        List<BigDecimal> ranked = spend.values().stream().sorted(Comparator.reverseOrder()).toList();
        BigDecimal total = ranked.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal topTenth = ranked.subList(0, ranked.size() / 10).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal median = ranked.get(ranked.size() / 2);
        BigDecimal mean = total.divide(BigDecimal.valueOf(ranked.size()), 2, java.math.RoundingMode.HALF_UP);

        assertThat(topTenth.doubleValue() / total.doubleValue()).as("share of the top 10%").isGreaterThan(0.35);
        assertThat(median).as("median below mean: many small, few large").isLessThan(mean);
        assertThat(files.orderRows()).isBetween(SPEC.customers() * 10L, SPEC.customers() * 16L);
    }

    @Test
    void namesAreChineseAndEnglishPeopleAndCompanies() throws IOException {
        DemoFiles files = new DemoDataGenerator(SPEC).write(directory, done -> { });
        List<String> rows = Files.readAllLines(files.customers());

        assertThat(rows).anyMatch(row -> row.split(",")[1].matches("\\p{IsHan}{2,3}"));
        assertThat(rows).anyMatch(row -> row.split(",")[1].matches("[A-Z][a-z]+ [A-Z][a-z]+"));
        assertThat(rows).anyMatch(row -> row.contains("有限公司,COMPANY"));
        assertThat(rows.stream().map(row -> row.split(",")[3]).distinct().count()).isGreaterThanOrEqualTo(8);
    }
}
