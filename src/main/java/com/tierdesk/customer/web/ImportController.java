package com.tierdesk.customer.web;

import com.tierdesk.customer.CustomerImports;
import com.tierdesk.customer.ImportKind;
import com.tierdesk.customer.ImportProgress;
import com.tierdesk.customer.ImportReport;
import com.tierdesk.customer.ImportRequest;
import com.tierdesk.shared.ApiProblems;
import com.tierdesk.shared.NotFound;
import com.tierdesk.shared.ProblemMessages;
import com.tierdesk.shared.Reason;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import over HTTP: a multipart upload of one file, imported in one transaction. 200 with the report when it was
 * committed, 422 with the counts and every problem as its errors when nothing was written. The problems are streamed
 * into the answer from the report, however many there are.
 */
@RestController
class ImportController {

    private final CustomerImports imports;
    private final JsonMapper json;
    private final ProblemMessages messages;

    ImportController(CustomerImports imports, JsonMapper json, ProblemMessages messages) {
        this.imports = imports;
        this.json = json;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String kind,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String charset,
            @RequestParam(required = false) String format, @RequestParam(name = "map", required = false) List<String> map,
            @RequestParam(required = false) String mapping, @RequestParam(required = false) String delimiter,
            @RequestParam(name = "set", required = false) List<String> set,
            @RequestParam(required = false) String externalIdFrom,
            @RequestParam(defaultValue = "false") boolean createMissingCustomers, HttpServletRequest servletRequest)
            throws IOException {
        ImportKind importKind = ImportOptions.kind(kind);
        if (importKind == null) {
            throw new NotFound("kind", "problem.import.no-kind", ApiProblems.echo(kind));
        }
        ImportOptions options = new ImportOptions(mode, charset, format, map, mapping, delimiter, set, externalIdFrom,
                createMissingCustomers);
        Path upload = Files.createTempFile("tierdesk-import-", ".upload");
        try {
            ImportRequest request = options.toRequest(importKind, file, upload, json);
            file.transferTo(upload);
            ImportReport report = imports.importFile(request, ImportProgress.NONE);
            // the answer is written after this method returns; the report's file goes once it has been
            RequestContextHolder.currentRequestAttributes().registerDestructionCallback("import-report", report::close,
                    RequestAttributes.SCOPE_REQUEST);
            Locale locale = ProblemMessages.apiLocale(servletRequest);
            if (report.committed()) {
                return ResponseEntity.ok(ShownReport.of(report, messages, locale));
            }
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    messages.text(report.rejected() > 0
                            ? Reason.of("problem.import.rows-rejected", report.rejected(), report.rows())
                            : Reason.of("problem.import.file-refused"), locale));
            problem.setTitle(messages.text(Reason.of("problem.title.import"), locale));
            problem.setProperty("report", ImportCounts.of(report));
            problem.setProperty("errors", ShownReport.problems(report, messages, locale));
            return ResponseEntity.unprocessableContent().body(problem);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @ExceptionHandler
    ProblemDetail unreadableOptions(ImportOptions.Unreadable e, HttpServletRequest request) {
        return messages.detail(ApiProblems.badRequest(e.problems()), ProblemMessages.apiLocale(request));
    }
}
