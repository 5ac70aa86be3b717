package com.tierdesk.customer.web;

import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportMode;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.customer.PageSpec;
import com.tierdesk.customer.Paged;
import com.tierdesk.shared.ProblemMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** The console's import page: upload a file, watch its progress, read the report page by page or download it whole. */
@Controller
class ImportConsoleController {

    private static final String VIEW = "customer/import";
    private static final int PROBLEMS_PER_PAGE = 100;

    private final ImportJobs jobs;
    private final JsonMapper json;
    private final ProblemMessages problemMessages;

    ImportConsoleController(ImportJobs jobs, JsonMapper json, ProblemMessages problemMessages) {
        this.problemMessages = problemMessages;
        this.jobs = jobs;
        this.json = json;
    }

    @GetMapping("/imports")
    String initImportForm(Model model) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("modes", ImportMode.values());
        return VIEW;
    }

    @PostMapping("/imports")
    String processImportForm(@RequestParam String kind, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String charset,
            @RequestParam(required = false) String format, @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String delimiter, Model model) throws IOException {
        ImportKind importKind = ImportOptions.kind(kind);
        if (importKind == null || file.isEmpty()) {
            model.addAttribute("formError", importKind == null ? "import.error.kind" : "import.error.file");
            return initImportForm(model);
        }
        ImportOptions options = new ImportOptions(mode, charset, format, mapping == null ? List.of() : List.of(mapping),
                null, delimiter, List.of(), null, false);
        Path upload = Files.createTempFile("tierdesk-import-", ".upload");
        try {
            ImportRequest request = options.toRequest(importKind, file, upload, json);
            file.transferTo(upload);
            ImportJobs.Job job = jobs.start(request);
            return "redirect:/imports/" + job.getId();
        } catch (ImportOptions.Unreadable e) {
            Files.deleteIfExists(upload);
            model.addAttribute("optionErrors", problemMessages.show(e.problems()));
            return initImportForm(model);
        }
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
                    .map(problem -> ShownRowProblem.of(problem, problemMessages)).toList(), spec, report.problems().size()));
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

    private ImportJobs.Job job(String id) {
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
