package com.tierdesk.cli;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportFormat;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.RowProblem;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tierdesk import customers|orders|interactions|tickets FILE}: one file in one transaction, with a
 * progress line, the counts and the first problems ({@code --report} writes all of them). Exit code 0 when
 * everything was imported, 1 when rows were rejected, 2 when nothing was written.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in the instance: one per run
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = TierDeskCommand.HELP)
class ImportCommand implements Callable<Integer> {

    private static final int PROBLEMS_SHOWN = 20;

    private final CustomerImports imports;
    private final CliText text;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", descriptionKey = "kind")
    String kind;

    @Parameters(index = "1", paramLabel = "FILE", descriptionKey = "file")
    Path file;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all-or-nothing")
    String mode;

    @Option(names = "--charset")
    Charset charset;

    @Option(names = "--format")
    String format;

    @Option(names = "--map", paramLabel = "COLUMN=FIELD")
    List<String> mappings = new ArrayList<>();

    @Option(names = "--delimiter")
    String delimiter;

    @Option(names = "--set", paramLabel = "FIELD=VALUE")
    List<String> constants = new ArrayList<>();

    @Option(names = "--external-id-from", split = ",", paramLabel = "FIELD")
    List<String> externalIdFrom = new ArrayList<>();

    @Option(names = "--create-missing-customers")
    boolean createMissingCustomers;

    @Option(names = "--report", paramLabel = "FILE.json")
    Path reportFile;

    ImportCommand(CustomerImports imports, CliText text) {
        this.text = text;
        this.imports = imports;
    }

    @Override
    public Integer call() throws Exception {
        ImportRequest request = new ImportRequest(parse(ImportKind.class, kind, "KIND"), file, null,
                format == null ? null : parse(ImportFormat.class, format, "--format"),
                parse(ImportMode.class, mode, "--mode"), charset, pairs(mappings, "--map"),
                delimiter, pairs(constants, "--set"), externalIdFrom,
                createMissingCustomers);
        ProgressLine progress = new ProgressLine(System.err, text.text("cli.import.progress", kind.toLowerCase(Locale.ROOT)));
        String bytesUnit = text.text("cli.unit.bytes");
        long[] last = {0, 0};
        try (ImportReport report = imports.importFile(request, (rows, bytes, total) -> {
            last[0] = bytes;
            last[1] = total;
            progress.update(bytes, total, bytesUnit);
        })) {
            progress.finish(last[0], last[1], bytesUnit);
            print(report);
            if (reportFile != null) {
                // every problem, streamed from the report into the file, in the language of the command line
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValue(reportFile.toFile(), ReportFile.of(report, text));
            }
            return !report.committed() ? 2 : report.rejected() > 0 || report.hasProblems() ? 1 : 0;
        }
    }

    private void print(ImportReport report) {
        PrintWriter out = spec.commandLine().getOut();
        double seconds = report.took().toMillis() / 1000.0;
        out.println(text.text(createMissingCustomers ? "cli.import.summary-with-customers" : "cli.import.summary",
                report.kind().name().toLowerCase(Locale.ROOT), report.fileName(),
                text.text(report.committed() ? "cli.import.committed" : "cli.import.nothing-written"), report.rows(),
                report.created(), report.updated(), report.unchanged(), report.rejected(), seconds,
                report.rows() / Math.max(0.001, seconds), report.customersCreated()));
        report.problems().page(0, PROBLEMS_SHOWN).forEach(problem -> out.println("  " + describe(problem)));
        if (report.problems().size() > PROBLEMS_SHOWN) {
            out.println("  " + text.text("cli.import.more", report.problems().size() - PROBLEMS_SHOWN));
        }
        out.flush();
    }

    private String describe(RowProblem problem) {
        String where = problem.line() == 0 ? text.text("cli.import.file") : text.text("cli.import.line", problem.line());
        String reason = text.reason(problem.reason());
        return problem.field() == null ? where + ": " + reason : where + ", " + problem.field() + ": " + reason;
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + text.text("cli.not-one-of", value,
                    java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
        }
    }

    /** {@code a=b} (or {@code a:b}) pairs; the first separator splits, so values may contain either. */
    private Map<String, String> pairs(List<String> values, String option) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            int at = eq >= 0 ? eq : value.indexOf(':');
            if (at <= 0) {
                throw new ParameterException(spec.commandLine(), option + " " + value + ": " + text.text("cli.expected-pair"));
            }
            map.put(value.substring(0, at).strip(), value.substring(at + 1).strip());
        }
        return map;
    }
}
