package com.tierdesk.cli;

import com.tierdesk.customer.ImportReport;
import com.tierdesk.demo.DemoData;
import com.tierdesk.demo.DemoDataSpec;
import com.tierdesk.demo.DemoFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "demo-data", mixinStandardHelpOptions = true,
        description = "Generates realistic demo customers, orders and interactions: into the database "
                + "through the bulk import, or as CSV import files with --output.")
class DemoDataCommand implements Callable<Integer> {

    private final DemoData demoData;

    @Option(names = "--customers", defaultValue = "3000", description = "Number of customers (default ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--orders-per-customer", defaultValue = "12",
            description = "Mean orders per customer; customers vary widely around it (default ${DEFAULT-VALUE}).")
    int ordersPerCustomer;

    @Option(names = "--as-of", description = "Last day of the two-year history (default today).")
    LocalDate asOf;

    @Option(names = "--seed", defaultValue = "20240101", description = "Random seed; the same seed gives the same data.")
    long seed;

    @Option(names = "--output", description = "Write customers.csv, orders.csv and interactions.csv here instead of importing them.")
    Path output;

    DemoDataCommand(DemoData demoData) {
        this.demoData = demoData;
    }

    @Override
    public Integer call() {
        var spec = new DemoDataSpec(customers, ordersPerCustomer, asOf == null ? LocalDate.now() : asOf, seed);
        var generated = new ProgressLine(System.out, "generating");
        if (output != null) {
            DemoFiles files = demoData.writeFiles(spec, output, done -> generated.update(done, customers, "customers"));
            generated.finish(customers, customers, "customers");
            System.out.printf(Locale.ROOT, "wrote %,d customers, %,d orders, %,d interactions to %s%n",
                    files.customerRows(), files.orderRows(), files.interactionRows(), output.toAbsolutePath());
            return 0;
        }
        var importing = new ProgressLine(System.out, "importing");
        var reports = demoData.load(spec, done -> generated.update(done, customers, "customers"),
                (rows, bytes, total) -> importing.update(bytes, total, "bytes"));
        System.out.println();
        for (ImportReport report : reports) {
            System.out.printf(Locale.ROOT, "%s: %,d created, %,d updated, %,d unchanged, %,d rejected%n",
                    report.kind(), report.created(), report.updated(), report.unchanged(), report.rejected());
        }
        return reports.stream().allMatch(ImportReport::committed) ? 0 : 1;
    }
}
