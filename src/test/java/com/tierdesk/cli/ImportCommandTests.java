package com.tierdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class ImportCommandTests {

    @Autowired
    ObjectProvider<ImportCommand> commands;

    @Autowired
    CustomerImports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    CustomerFixture f;
    final StringWriter out = new StringWriter();

    @BeforeEach
    void fixture() {
        f = new CustomerFixture(dir, imports, jdbc);
    }

    private int run(String... args) {
        CommandLine root = new CommandLine(new TierDeskCommand()).addSubcommand(commands.getObject());
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(out, true));
        return root.execute(args);
    }

    @Test
    void importsAFilePrintsTheCountsAndWritesTheReport() throws IOException {
        Path customers = f.file("customers.csv", "code,name\n{p}C1,One\n{p}C2,Two\n");
        Path report = dir.resolve("report.json");

        int exit = run("import", "customers", customers.toString(), "--report", report.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("customers customers.csv: committed, 2 rows: 2 created, 0 updated, 0 unchanged, 0 rejected");
        assertThat(Files.readString(report)).contains("\"created\" : 2", "\"committed\" : true");
        assertThat(run("import", "customers", customers.toString())).isZero();
        assertThat(out.toString()).contains("0 created, 0 updated, 2 unchanged");
    }

    @Test
    void theReportFileListsEveryProblemTheConsoleTheFirstTwenty() throws IOException {
        long problemFiles = CustomerFixture.problemFiles();
        Path bad = f.generated("bad.csv", "code,name,email", 15_000, i -> "{p}E" + i + ",名,not-an-email-" + i);
        Path report = dir.resolve("report.json");

        assertThat(run("import", "customers", bad.toString(), "--report", report.toString())).isEqualTo(2);

        assertThat(out.toString()).contains("line 21, email: is not a valid email address")
                .doesNotContain("line 22,").contains("... 14,980 more problems (--report FILE.json lists them all)");
        JsonNode written = JsonMapper.builder().build().readTree(report.toFile());
        assertThat(written.path("rejected").asLong()).isEqualTo(15_000);
        assertThat(written.path("problems").size()).isEqualTo(15_000);
        assertThat(written.path("problems").get(14_999).path("line").asLong()).isEqualTo(15_001);
        assertThat(CustomerFixture.problemFiles()).isEqualTo(problemFiles);
    }

    @Test
    void speaksTheLanguageOfTheSystemLocale() {
        Path orders = f.file("orders.csv", """
                external_id,customer_code,amount,placed_at
                {p}O1,{p}NOBODY,ten,2025-01-01
                """);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(run("import", "orders", orders.toString())).isEqualTo(2);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(out.toString()).contains("未写入任何数据", "第 2 行, amount: 不是十进制数字：“ten”")
                .doesNotContain("nothing written");
    }

    @Test
    void exitCodesTellAllFromSomeFromNothing() {
        f.file("customers.csv", "code,name\n{p}C1,One\n");
        run("import", "customers", dir.resolve("customers.csv").toString());
        Path orders = f.file("orders.csv", """
                external_id,customer_code,amount,placed_at
                {p}O1,{p}C1,10,2025-01-01
                {p}O2,{p}C1,ten,2025-01-01
                """);

        assertThat(run("import", "orders", orders.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("nothing written", "line 3, amount: is not a decimal number: 'ten'");
        assertThat(run("import", "orders", orders.toString(), "--mode", "valid-rows")).isEqualTo(1);
        assertThat(out.toString()).contains("1 created, 0 updated, 0 unchanged, 1 rejected");
        assertThat(run("import", "orders", orders.toString(), "--mode", "sometimes")).isEqualTo(2);
        assertThat(out.toString()).contains("--mode: 'sometimes' is not one of [all-or-nothing, valid-rows]");
    }

    @Test
    void importsCdnowDataThroughOptions() {
        Path cdnow = f.cdnow(101);

        int exit = run("import", "orders", cdnow.toString(), "--delimiter", "whitespace",
                "--map", "customer_id=customer_code", "--map", "date=placed_at,paid_at", "--map", "number_of_cds=-",
                "--map", "dollar_value=amount", "--set", "status=PAID", "--external-id-from", "customer_code,placed_at",
                "--create-missing-customers");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(f.customers()).as("the file's customers, all new").isPositive();
        assertThat(out.toString()).contains("100 rows: 100 created, 0 updated, 0 unchanged, 0 rejected; "
                + f.customers() + " new customers (");
        assertThat(f.orders()).isEqualTo(100);
    }
}
