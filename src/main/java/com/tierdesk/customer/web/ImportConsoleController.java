package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMappings;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportPreview;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.customer.RowProblem;
import com.tierdesk.customer.SavedMapping;
import com.tierdesk.shared.FieldProblem;
import com.tierdesk.shared.InvalidInput;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's import page, with every option of the command line: upload a file, preview its first rows as the
 * chosen settings read them (nothing written), load or save settings by name, import, watch the progress, read the
 * report page by page or download it whole (JSON) or its rejected rows (CSV).
 */
@Controller
class ImportConsoleController {

    /** Reasons the console words as form fields to fill, where the API's and the command line's name their options. */
    private static final Map<String, String> CONSOLE_WORDING = Map.of(
            "problem.import.missing-column", "problem.import.missing-column.console",
            "problem.import.missing-columns", "problem.import.missing-columns.console",
            "problem.import.unknown-column", "problem.import.unknown-column.console",
            "problem.import.unknown-columns", "problem.import.unknown-columns.console",
            "problem.import.file-required", "problem.import.file-required.console",
            "problem.import.too-large", "problem.import.too-large.console",
            "problem.import.pair", "problem.import.pair.console",
            "problem.import.unknown-constants", "problem.import.unknown-constants.console");

    private static final String VIEW = "customer/import";
    private static final int PROBLEMS_PER_PAGE = 100;
    private static final int PREVIEW_ROWS = 10;
    /** The console's words for the form's fields, where an option's problem names one. */
    private static final Map<String, String> FIELD_LABELS = Map.of("file", "import.file", "mode", "import.mode",
            "charset", "import.charset", "format", "import.format", "map", "import.mapping", "mapping", "import.mapping",
            "set", "import.constants", "delimiter", "import.delimiter", "name", "import.save-as");

    private final ImportJobs jobs;
    private final CustomerImports imports;
    private final ImportMappings mappings;
    private final JsonMapper json;
    private final ProblemMessages problemMessages;
    private final MessageSource messages;

    ImportConsoleController(ImportJobs jobs, CustomerImports imports, ImportMappings mappings, JsonMapper json,
            ProblemMessages problemMessages, MessageSource messages) {
        this.jobs = jobs;
        this.imports = imports;
        this.mappings = mappings;
        this.json = json;
        this.problemMessages = problemMessages;
        this.messages = messages;
    }

    /** The form's values; the upload, once made, is kept by id so that a preview can be followed by the import. */
    static final class ImportForm {

        private String kind = "customers";
        private String mode;
        private String charset;
        private String format;
        private String delimiter;
        private String mapping;
        private String constants;
        private String externalIdFrom;
        private boolean createMissingCustomers;
        private String savedMapping;
        private String saveAs;
        private String upload;

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getMode() { return mode; }
        public void setMode(String mode) { this.mode = mode; }
        public String getCharset() { return charset; }
        public void setCharset(String charset) { this.charset = charset; }
        public String getFormat() { return format; }
        public void setFormat(String format) { this.format = format; }
        public String getDelimiter() { return delimiter; }
        public void setDelimiter(String delimiter) { this.delimiter = delimiter; }
        public String getMapping() { return mapping; }
        public void setMapping(String mapping) { this.mapping = mapping; }
        public String getConstants() { return constants; }
        public void setConstants(String constants) { this.constants = constants; }
        public String getExternalIdFrom() { return externalIdFrom; }
        public void setExternalIdFrom(String externalIdFrom) { this.externalIdFrom = externalIdFrom; }
        public boolean isCreateMissingCustomers() { return createMissingCustomers; }
        public void setCreateMissingCustomers(boolean create) { this.createMissingCustomers = create; }
        public String getSavedMapping() { return savedMapping; }
        public void setSavedMapping(String savedMapping) { this.savedMapping = savedMapping; }
        public String getSaveAs() { return saveAs; }
        public void setSaveAs(String saveAs) { this.saveAs = saveAs; }
        public String getUpload() { return upload; }
        public void setUpload(String upload) { this.upload = upload; }

        void load(SavedMapping saved) {
            kind = saved.kind().name().toLowerCase(Locale.ROOT);
            mapping = saved.columnMapping();
            delimiter = saved.delimiter();
            constants = saved.constantFields();
            externalIdFrom = saved.externalIdFrom();
            createMissingCustomers = saved.createMissingCustomers();
            charset = saved.charset();
        }

        ImportOptions options() {
            return new ImportOptions(mode, charset, format, mapping == null ? List.of() : List.of(mapping), null,
                    delimiter, constants == null ? List.of() : List.of(constants), externalIdFrom, createMissingCustomers);
        }
    }

    @GetMapping("/imports")
    String initImportForm(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ImportForm());
        }
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("modes", ImportMode.values());
        model.addAttribute("savedMappings", mappings.list());
        return VIEW;
    }

    /**
     * Previews the upload ({@code action=preview}) or starts importing it: the file just chosen, or the one uploaded
     * for the preview. A saved mapping chosen in the form replaces the settings; a name in "save as" saves them.
     */
    @PostMapping("/imports")
    String processImportForm(@ModelAttribute("form") ImportForm form, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "import") String action, Authentication caller, Model model) throws IOException {
        if (form.getSavedMapping() != null && !form.getSavedMapping().isBlank()) {
            SavedMapping saved = mappings.find(form.getSavedMapping()).orElse(null);
            if (saved == null) {
                model.addAttribute("formError", "import.error.saved-mapping");
                return initImportForm(model);
            }
            form.load(saved);
            form.setSavedMapping(null);
            model.addAttribute("loadedMapping", saved);
        }
        ImportKind kind = ImportOptions.kind(form.getKind());
        if (kind == null) {
            model.addAttribute("formError", "import.error.kind");
            return initImportForm(model);
        }
        ImportJobs.Upload upload;
        if (file != null && !file.isEmpty()) {
            upload = jobs.keep(file);
        } else {
            upload = form.getUpload() == null ? null : jobs.upload(form.getUpload()).orElse(null);
            if (upload == null) {
                form.setUpload(null);
                model.addAttribute("formError", form.getUpload() == null ? "import.error.file" : "import.error.upload-gone");
                return initImportForm(model);
            }
        }
        form.setUpload(upload.id());
        ImportRequest request;
        try {
            request = form.options().toRequest(kind, upload.fileName(), upload.file(), json);
        } catch (ImportOptions.Unreadable e) {
            model.addAttribute("optionErrors", shown(e.problems()));
            return initImportForm(model);
        }
        if (form.getSaveAs() != null && !form.getSaveAs().isBlank()) {
            try {
                mappings.save(new SavedMapping(form.getSaveAs(), kind, form.getMapping(), form.getDelimiter(),
                        form.getConstants(), form.getExternalIdFrom(), form.isCreateMissingCustomers(), form.getCharset(),
                        null, null), caller.getName());
                model.addAttribute("savedAs", form.getSaveAs().strip());
                form.setSaveAs(null);
            } catch (InvalidInput e) {
                model.addAttribute("optionErrors", shown(e.problems()));
                return initImportForm(model);
            }
        }
        if ("preview".equals(action)) {
            ImportPreview preview = imports.preview(request, PREVIEW_ROWS);
            model.addAttribute("preview", preview);
            model.addAttribute("previewProblems", preview.problems().stream()
                    .map(problem -> ShownRowProblem.of(forConsole(problem), problemMessages)).toList());
            return initImportForm(model);
        }
        ImportJobs.Job job = jobs.start(upload, request);
        return "redirect:/imports/" + job.getId();
    }

    @GetMapping("/imports/{id}")
    String showJob(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ImportJobs.Job job = job(id);
        // the importing thread may finish while the page is drawn: the page shows the job as it was read here
        ImportReport report = job.getReport();
        model.addAttribute("job", job);
        model.addAttribute("report", report);
        model.addAttribute("done", report != null || job.getFailure() != null);
        if (report != null) {
            PageSpec spec = new PageSpec(Math.max(0, page), PROBLEMS_PER_PAGE);
            model.addAttribute("problems", Paged.of(report.problems().page(spec.offset(), spec.size()).stream()
                    .map(problem -> ShownRowProblem.of(forConsole(problem), problemMessages)).toList(), spec,
                    report.problems().size()));
        }
        return htmx != null ? VIEW + " :: job" : VIEW;
    }

    /** The whole report as JSON, every problem streamed from where the report keeps them. */
    @GetMapping(path = "/imports/{id}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ShownReport> downloadReport(@PathVariable String id, Locale locale) {
        ImportReport report = job(id).getReport();
        if (report == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("import-report-" + id + ".json").build().toString())
                .body(ShownReport.of(report, problemMessages, locale));
    }

    /**
     * Every problem of a finished import as CSV (row, field, value, reason), the values read again from the upload,
     * which is kept for this while the console shows the import; UTF-8 with a byte-order mark, so that Excel reads it.
     */
    @GetMapping(path = "/imports/{id}/rejected.csv")
    void downloadRejectedRows(@PathVariable String id, Locale locale, HttpServletResponse response) throws IOException {
        ImportJobs.Job job = job(id);
        if (job.getReport() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String[] header = {text("import.line", locale), text("import.field", locale), text("import.value", locale),
                text("import.reason", locale)};
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("import-rejected-" + id + ".csv").build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            job.rejectedValues(imports, (problem, value) -> {
                try {
                    csv.printRecord(problem.line(), problem.field(), value,
                            problemMessages.text(forConsole(problem).reason(), locale));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The console's wording of a reason where it has one: a form field to fill, not an option of the API or CLI. */
    private RowProblem forConsole(RowProblem problem) {
        return new RowProblem(problem.line(), problem.field(), forConsole(problem.reason()));
    }

    private static Reason forConsole(Reason reason) {
        String console = CONSOLE_WORDING.get(reason.code());
        return console == null ? reason : new Reason(console, reason.arguments());
    }

    private List<ShownProblemLine> shown(List<FieldProblem> problems) {
        return problems.stream().map(problem -> new ShownProblemLine(
                problem.field() == null ? null : text(FIELD_LABELS.getOrDefault(problem.field(), problem.field()), LocaleContextHolder.getLocale()),
                problemMessages.text(forConsole(problem.reason())))).toList();
    }

    /** An option's problem as the form shows it: the field's label and the reason. */
    record ShownProblemLine(String field, String reason) {
    }

    private ImportJobs.Job job(String id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
