package com.tierdesk.cli;

import com.tierdesk.customer.ImportReport;
import com.tierdesk.demo.DemoData;
import com.tierdesk.demo.DemoDataSpec;
import com.tierdesk.demo.DemoFiles;
import com.tierdesk.shared.BusinessTime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "demo-data", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class DemoDataCommand implements Callable<Integer> {

    private final DemoData demoData;
    private final BusinessTime time;
    private final CliText text;

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", defaultValue = "3000")
    int customers;

    @Option(names = "--orders-per-customer", defaultValue = "12")
    int ordersPerCustomer;

    @Option(names = "--as-of")
    LocalDate asOf;

    @Option(names = "--seed", defaultValue = "20240101")
    long seed;

    @Option(names = "--output")
    Path output;

    DemoDataCommand(DemoData demoData, BusinessTime time, CliText text) {
        this.text = text;
        this.demoData = demoData;
        this.time = time;
    }

    @Override
    public Integer call() {
        var demo = new DemoDataSpec(customers, ordersPerCustomer, asOf == null ? time.today() : asOf, seed);
        PrintWriter out = spec.commandLine().getOut();
        String customerUnit = text.text("cli.unit.customers");
        var generated = new ProgressLine(System.err, text.text("cli.demo.generating"));
        if (output != null) {
            DemoFiles files = demoData.writeFiles(demo, output, done -> generated.update(done, customers, customerUnit));
            generated.finish(customers, customers, customerUnit);
            out.println(text.text("cli.demo.wrote", files.customerRows(), files.orderRows(), files.interactionRows(),
                    output.toAbsolutePath()));
            return 0;
        }
        var importing = new ProgressLine(System.err, text.text("cli.demo.importing"));
        var reports = demoData.load(demo, done -> generated.update(done, customers, customerUnit),
                (rows, bytes, total) -> importing.update(rows, 0, text.text("cli.unit.rows")));
        System.err.println();
        for (ImportReport report : reports) {
            out.println(text.text("cli.demo.loaded", report.kind(), report.created(), report.updated(), report.unchanged(),
                    report.rejected()));
        }
        return reports.stream().allMatch(ImportReport::committed) ? 0 : 1;
    }
}
