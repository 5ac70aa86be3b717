package com.tierdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.CustomerFixture;
import com.tierdesk.customer.CustomerImports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

@SpringBootTest(properties = "tierdesk.scheduler.execute=false")
class TicketImportCommandTests {

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
    void importsATicketHistoryWithAMappingAndADelimiterOnceOnly() throws IOException {
        assertThat(run("import", "customers", f.file("customers.csv", "code,name\n{p}C1,一号客户\n").toString()))
                .isZero();
        Path tickets = f.file("tickets.csv", """
                工单号;客户;类型;优先级;主题;创建时间;解决时间
                {p}T1;{p}C1;咨询;普通;发票下载失败;2026-03-02 10:00;2026-03-02 12:00
                {p}T2;{p}NOBODY;咨询;普通;订单状态不更新;2026-03-02 10:00;
                """);
        String[] command = {"import", "tickets", tickets.toString(), "--delimiter", ";", "--mode", "valid-rows",
                "--map", "工单号=external_id", "--map", "客户=customer_code", "--map", "类型=type",
                "--map", "优先级=priority", "--map", "主题=subject", "--map", "创建时间=created_at",
                "--map", "解决时间=solved_at", "--set", "channel=EMAIL"};

        assertThat(run(command)).isEqualTo(1);
        assertThat(out.toString()).contains("tickets tickets.csv: committed, 2 rows: 1 created, 0 updated, 0 unchanged, 1 rejected")
                .contains("customer_code");
        assertThat(jdbc.sql("SELECT status FROM ticket t JOIN ticket_intake_key k ON k.ticket_id = t.id "
                + "WHERE k.idempotency_key = :key").param("key", "import:" + f.p + "T1").query(String.class).single())
                .isEqualTo("SOLVED");

        assertThat(run(command)).isEqualTo(1);
        assertThat(out.toString()).contains("0 created, 0 updated, 1 unchanged, 1 rejected");
    }
}
