package com.tierdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierdesk.customer.Customers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import picocli.CommandLine;

@SpringBootTest
class DemoDataCommandTests {

    @Autowired
    ObjectProvider<DemoDataCommand> commands;

    @Autowired
    Customers customers;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine root = new CommandLine(new TierDeskCommand()).addSubcommand(commands.getObject());
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(out, true));
        return root.execute(args);
    }

    @Test
    void writesImportFilesWithTheRequestedCustomers() throws IOException {
        int exit = run("demo-data", "--customers", "250", "--orders-per-customer", "4", "--output", dir.toString());

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(dir.resolve("customers.csv"))).hasSize(251);
        long orders = Files.readAllLines(dir.resolve("orders.csv")).size() - 1L;
        assertThat(out.toString()).contains("wrote 250 customers, " + String.format("%,d", orders) + " orders");
    }

    @Test
    void loadsIntoTheDatabaseThroughTheImport() {
        int exit = run("demo-data", "--customers", "120", "--orders-per-customer", "3", "--seed", Long.toString(System.nanoTime()));

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("CUSTOMERS: ");
        assertThat(customers.find("C0000120")).isPresent();
        assertThat(customers.find("C0000121")).as("no more than asked").isEmpty();
    }
}
