package com.tierdesk.demo;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/** Makes demo data: as import files, or loaded into the database through the regular bulk import. */
@Service
public class DemoData {

    private final CustomerImports imports;

    DemoData(CustomerImports imports) {
        this.imports = imports;
    }

    /** Writes customers.csv, orders.csv and interactions.csv into the directory. */
    public DemoFiles writeFiles(DemoDataSpec spec, Path directory, LongConsumer customersDone) {
        try {
            return new DemoDataGenerator(spec).write(directory, customersDone);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write demo data to " + directory, e);
        }
    }

    /** Generates the files in a temporary directory and imports them, customers first. */
    public List<ImportReport> load(DemoDataSpec spec, LongConsumer customersGenerated, ImportProgress importProgress) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("tierdesk-demo");
            DemoFiles files = writeFiles(spec, directory, customersGenerated);
            List<ImportReport> reports = new ArrayList<>();
            reports.add(imports.importFile(ImportRequest.of(ImportKind.CUSTOMERS, files.customers()), importProgress));
            reports.add(imports.importFile(ImportRequest.of(ImportKind.ORDERS, files.orders()), importProgress));
            reports.add(imports.importFile(ImportRequest.of(ImportKind.INTERACTIONS, files.interactions()), importProgress));
            return reports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
